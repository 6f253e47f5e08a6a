// Zápis › Šablony dopisů (coordinators and admins): every letter template with its newest version, in
// Czech or Romani; editing saves a new version (earlier letters keep theirs).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useMe } from '@/features/auth/api/get-me';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { templateLanguages, useTemplatesIn, type TemplateLanguage } from '../api/editors';
import { TemplateEditor } from '../components/TemplateEditor';
import '../documents.css';

export function TemplatesRoute() {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  const manages = role === 'coordinator' || role === 'admin';
  const [language, setLanguage] = useState<TemplateLanguage>('cs');
  return (
    <>
      <Breadcrumbs items={[{ label: t('places.enrollment.name'), to: '/enrollment' }]} />
      <PageHeader title={t('documents.editor.templatesTitle')} lead={t('documents.editor.templatesLead')} />
      {manages ? (
        <>
          <div className="filters">
            <Field label={t('documents.editor.language')}>
              {(control) => (
                <select {...control} className="input input--short" value={language} onChange={(e) => setLanguage(e.target.value as TemplateLanguage)}>
                  {templateLanguages.map((l) => (
                    <option key={l} value={l}>
                      {t(`documents.editor.languageName.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <TemplateList key={language} language={language} />
        </>
      ) : (
        <Alert tone="info" title={t('documents.editor.coordinatorsOnly')} />
      )}
    </>
  );
}

function TemplateList({ language }: { language: TemplateLanguage }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const czech = useTemplatesIn('cs');
  const chosen = useTemplatesIn(language);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ code: string; version: number } | null>(null);
  if (czech.isPending || chosen.isPending) return <Loading />;
  if (czech.isError || chosen.isError)
    return <QueryError error={czech.error ?? chosen.error} notFoundTitle="" notFoundBody="" back={null} onRetry={() => void chosen.refetch()} />;
  return (
    <ul className="plain-list editor-list">
      {czech.data.items.map((cs) => {
        const own = chosen.data.items.find((x) => x.code === cs.code && x.language === language);
        const name = t(`documents.template.${cs.code}`, { defaultValue: cs.code });
        const base = own ?? cs;
        return (
          <li key={cs.code} className="editor-list__item">
            <h2 className="editor-list__title">{name}</h2>
            <p className="muted small">
              {own
                ? t('documents.editor.versionLine', { version: own.version, by: own.created_by, at: formatDateTime(own.created_at, lang) })
                : t('documents.editor.noVersionIn', { language: t(`documents.editor.languageName.${language}`) })}
            </p>
            {saved?.code === cs.code ? <Alert tone="success" title={t('documents.editor.savedVersion', { version: saved.version })} /> : null}
            {editing === cs.code ? (
              <TemplateEditor
                key={`${base.language}-${base.version}`}
                code={cs.code}
                language={language}
                template={base}
                onSaved={(v) => {
                  setEditing(null);
                  setSaved({ code: cs.code, version: v.version });
                }}
                onReload={() => void chosen.refetch()}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <p className="template-preview">{base.title}</p>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setSaved(null);
                    setEditing(cs.code);
                  }}
                  aria-label={t('documents.editor.editTemplate', { name })}
                >
                  {t('documents.editor.edit')}
                </Button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
