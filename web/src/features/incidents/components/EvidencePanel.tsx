// Evidence files of an incident: the list (name, type, size, SHA-256, download) and an upload form
// that checks the size and the type before sending; the server checks the bytes again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { API_BASE } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { useUploadEvidence } from '../api/incidents';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES } from '../lib/upload';
import type { Incident } from '../types';

const allowedTypes = ['application/pdf', 'image/jpeg', 'image/png', 'text/plain'];

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function EvidencePanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(incident.id);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const serverFileError =
    isApiError(upload.error) ? upload.error.fields.find((f) => f.field === 'file')?.message : undefined;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!file) return setClientError(t('incidents.evidence.chooseFile'));
    if (file.size > EVIDENCE_MAX_BYTES) return setClientError(t('incidents.evidence.tooBig', { max: '10 MiB' }));
    if (file.type && !allowedTypes.includes(file.type)) return setClientError(t('incidents.evidence.badType'));
    setClientError(null);
    upload.mutate(
      { file, note },
      {
        onSuccess: () => {
          setSaved(true);
          setFile(null);
          setNote('');
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('incidents.evidence.title')}</h2>
      {incident.evidence.length === 0 ? <p>{t('incidents.evidence.none')}</p> : null}
      <ul className="document-list">
        {incident.evidence.map((e) => (
          <li key={e.id}>
            <a href={`${API_BASE}${e.download_url.replace(/^\/api\/v1/, '')}`} download={e.filename}>
              {e.filename}
            </a>{' '}
            <span className="muted">
              {formatSize(e.size_bytes)} · {e.content_type} · SHA-256 <code className="hash">{e.sha256.slice(0, 16)}…</code>
            </span>
            {e.note ? <div>{e.note}</div> : null}
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={submit} noValidate aria-label={t('incidents.evidence.upload')}>
        {saved ? <Alert tone="success" title={t('incidents.evidence.saved')} /> : null}
        {upload.error && !serverFileError ? <ErrorAlert error={upload.error} /> : null}
        <Field
          label={t('incidents.evidence.file')}
          hint={t('incidents.evidence.hint')}
          required
          error={clientError ?? serverFileError}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="file"
              accept={EVIDENCE_ACCEPT}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field label={t('incidents.evidence.note')}>
          {(control) => (
            <input {...control} className="input" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <div className="form__actions">
          <Button type="submit" busy={upload.isPending}>
            {t('incidents.evidence.upload')}
          </Button>
        </div>
      </form>
    </section>
  );
}
