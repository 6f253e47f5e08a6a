// "Dokumenty" on a person's page: one button per letter template (application, deferral, appeal,
// complaint to ČŠI, notice of individual education); the form asks only for what the records cannot
// give; every generated PDF is listed with its template version and can be downloaded again.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { Loading } from '@/components/ui/Loading';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { fieldErrorText } from '@/components/ui/field-error';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { personName, type Person, type PersonSummary } from '@/features/people/types';
import {
  documentHref,
  useDocumentTemplates,
  useGenerateDocument,
  usePersonDocuments,
  useSchoolOptions,
  whereToTurnHref,
  type GenerateBody,
} from '../api/documents';
import { isDatePlaceholder, needsSchool, typedPlaceholders } from '../lib/placeholders';
import type { DocumentTemplate, StoredDocument } from '../types';

export function DocumentsSection({ person, members }: { person: Person; members: readonly PersonSummary[] }) {
  const { t } = useTranslation();
  const templates = useDocumentTemplates();
  const documents = usePersonDocuments(person.id);
  const [active, setActive] = useState<string | null>(null);
  const [created, setCreated] = useState<StoredDocument | null>(null);
  const template = templates.data?.items.find((x) => x.code === active);
  return (
    <section className="panel documents-section" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents.title')}</h2>
      <p className="panel__lead">{t('documents.lead')}</p>
      {created ? (
        <Alert tone="success" title={t('documents.created')}>
          <p>
            <a href={documentHref(created.download_url)} download>
              {t('documents.download', { title: created.title })}
            </a>
          </p>
        </Alert>
      ) : null}
      {templates.isPending ? <Loading /> : null}
      {templates.isError ? <ErrorAlert error={templates.error} /> : null}
      {templates.data ? (
        <ul className="button-list" aria-label={t('documents.templatesLabel')}>
          {templates.data.items.map((x) => (
            <li key={x.code}>
              <Button
                variant={active === x.code ? 'primary' : 'secondary'}
                aria-expanded={active === x.code}
                onClick={() => {
                  setCreated(null);
                  setActive(active === x.code ? null : x.code);
                }}
              >
                {t(`documents.template.${x.code}`, { defaultValue: x.code })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {template ? (
        <GenerateForm
          key={template.code}
          template={template}
          person={person}
          members={members}
          onDone={(doc) => {
            setCreated(doc);
            setActive(null);
          }}
          onCancel={() => setActive(null)}
        />
      ) : null}
      <h3>{t('documents.generated')}</h3>
      {documents.isError ? <ErrorAlert error={documents.error} /> : null}
      {documents.data && documents.data.items.length === 0 ? <p>{t('documents.none')}</p> : null}
      {documents.data && documents.data.items.length > 0 ? <DocumentList items={documents.data.items} /> : null}
      <p>
        <Link to={`/incidents/new?person_id=${person.id}`}>{t('incidents.recordForPerson')}</Link>
      </p>
      <p className="documents-section__guide">
        {t('documents.guide')}{' '}
        <a href={whereToTurnHref('cs')} target="_blank" rel="noreferrer">
          {t('documents.guideCs')}
        </a>
        {' · '}
        <a href={whereToTurnHref('rom')} target="_blank" rel="noreferrer">
          {t('documents.guideRom')}
        </a>
      </p>
    </section>
  );
}

function DocumentList({ items }: { items: readonly StoredDocument[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <ul className="document-list">
      {items.map((d) => (
        <li key={d.id}>
          <a href={documentHref(d.download_url)} download>
            {d.title}
          </a>{' '}
          <span className="muted">
            {t('documents.meta', { when: formatDateTime(d.created_at, lang), who: d.created_by, version: d.template_version })}
          </span>
        </li>
      ))}
    </ul>
  );
}

type FormValues = { school_id: string; parent_id: string; fields: Record<string, string> };

const formSchema = z.object({
  school_id: z.string(),
  parent_id: z.string(),
  fields: z.record(z.string(), z.string()),
});

function GenerateForm({
  template,
  person,
  members,
  onDone,
  onCancel,
}: {
  template: DocumentTemplate;
  person: Person;
  members: readonly PersonSummary[];
  onDone: (doc: StoredDocument) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useGenerateDocument(person.id);
  const withSchool = needsSchool(template.placeholders);
  const schools = useSchoolOptions(withSchool);
  const [extra, setExtra] = useState<string[]>([]);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const names = Array.from(new Set([...typedPlaceholders(template.placeholders), ...extra]));
  const adults = members.filter((m) => m.role === 'adult');
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { school_id: '', parent_id: '', fields: {} },
  });

  const onSubmit = handleSubmit((values) => {
    setUnplaced([]);
    const body: GenerateBody = { template: template.code, fields: {} };
    if (values.school_id) body.school_id = Number(values.school_id);
    if (values.parent_id) body.parent_id = Number(values.parent_id);
    for (const name of names) {
      const v = values.fields[name];
      if (v !== undefined && v !== '') body.fields[name] = v;
    }
    mutation.mutate(body, {
      onSuccess: onDone,
      onError: (error) => {
        // A value the records lack (e.g. a birth number) becomes a field of the form.
        const missing: string[] = [];
        const formFields: Path<FormValues>[] = ['school_id', 'parent_id'];
        for (const f of (error as { fields?: ServerFieldError[] }).fields ?? []) {
          if (f.field.startsWith('fields.')) {
            const n = f.field.slice(7);
            formFields.push(`fields.${n}`);
            if (!names.includes(n)) missing.push(n);
          }
        }
        if (missing.length > 0) setExtra((e) => [...e, ...missing]);
        setUnplaced(applyServerFieldErrors(error, setError, formFields));
      },
    });
  });

  return (
    <form className="form document-form" onSubmit={onSubmit} noValidate aria-labelledby="document-form-title">
      <h3 id="document-form-title">{t(`documents.template.${template.code}`, { defaultValue: template.code })}</h3>
      <p className="muted">{t('documents.version', { version: template.version })}</p>
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      {withSchool ? (
        <Field label={t('documents.school')} required error={fieldErrorText(errors.school_id, t)}>
          {(control) => (
            <select {...control} {...register('school_id')} className="input">
              <option value="">{t('documents.chooseSchool')}</option>
              {(schools.data?.items ?? []).map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {person.role === 'child' && adults.length > 0 ? (
        <Field label={t('documents.parent')} hint={t('documents.parentHint')} error={fieldErrorText(errors.parent_id, t)}>
          {(control) => (
            <select {...control} {...register('parent_id')} className="input">
              <option value="">{t('documents.parentAutomatic')}</option>
              {adults.map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {personName(a)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {names.map((name) => (
        <Field
          key={name}
          label={t(`documents.placeholder.${name}`, { defaultValue: name })}
          required
          error={fieldErrorText(errors.fields?.[name], t)}
        >
          {(control) =>
            isDatePlaceholder(name) ? (
              <input {...control} {...register(`fields.${name}`)} className="input" type="date" />
            ) : name === 'reasons' || name === 'complaint_text' ? (
              <textarea {...control} {...register(`fields.${name}`)} className="input" rows={5} maxLength={4000} />
            ) : (
              <input {...control} {...register(`fields.${name}`)} className="input" maxLength={4000} />
            )
          }
        </Field>
      ))}
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('documents.generate')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('documents.cancel')}
        </Button>
      </div>
    </form>
  );
}
