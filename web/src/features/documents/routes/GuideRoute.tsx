// Zápis › Kam se obrátit (coordinators and admins): the institutions of the one-page guide for parents,
// in Czech and Romani. A Romani entry not written yet shows the Czech text to start from (version 0
// creates it); a stale version (409) keeps the text typed and offers to load the stored one.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { fieldErrorText } from '@/components/ui/field-error';
import { useMe } from '@/features/auth/api/get-me';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { templateLanguages, useGuideInstitutions, useSaveGuideInstitution, type GuideInstitution, type TemplateLanguage } from '../api/editors';
import { whereToTurnHref } from '../api/documents';
import '../documents.css';

export function GuideRoute() {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  const manages = role === 'coordinator' || role === 'admin';
  const [lang, setLang] = useState<TemplateLanguage>('cs');
  return (
    <>
      <Breadcrumbs items={[{ label: t('places.enrollment.name'), to: '/enrollment' }]} />
      <PageHeader
        title={t('documents.editor.guideTitle')}
        lead={t('documents.editor.guideLead')}
        actions={
          <a className="btn btn--secondary" href={whereToTurnHref(lang)} target="_blank" rel="noreferrer">
            {t('documents.editor.guidePdf')}
          </a>
        }
      />
      {manages ? (
        <>
          <div className="filters">
            <Field label={t('documents.editor.language')}>
              {(control) => (
                <select {...control} className="input input--short" value={lang} onChange={(e) => setLang(e.target.value as TemplateLanguage)}>
                  {templateLanguages.map((l) => (
                    <option key={l} value={l}>
                      {t(`documents.editor.languageName.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <GuideList key={lang} lang={lang} />
        </>
      ) : (
        <Alert tone="info" title={t('documents.editor.coordinatorsOnly')} />
      )}
    </>
  );
}

function GuideList({ lang }: { lang: TemplateLanguage }) {
  const { t } = useTranslation();
  const items = useGuideInstitutions(lang);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (items.isPending) return <Loading />;
  if (items.isError) return <QueryError error={items.error} notFoundTitle="" notFoundBody="" back={null} onRetry={() => void items.refetch()} />;
  return (
    <ul className="plain-list editor-list">
      {items.data.map((g) => (
        <li key={g.code} className="editor-list__item">
          <h2 className="editor-list__title">
            {g.position}. {g.name}
          </h2>
          {g.language !== lang ? <p className="badge badge--warn">{t('documents.editor.notTranslated')}</p> : null}
          {saved === g.code ? <Alert tone="success" title={t('documents.editor.institutionSaved')} /> : null}
          {editing === g.code ? (
            <InstitutionForm
              key={`${g.language}-${g.version}`}
              item={g}
              lang={lang}
              onSaved={() => {
                setEditing(null);
                setSaved(g.code);
              }}
              onReload={() => void items.refetch()}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <>
              <p className="small">{g.address}</p>
              <p>{g.what_they_do}</p>
              <Button
                variant="secondary"
                onClick={() => {
                  setSaved(null);
                  setEditing(g.code);
                }}
                aria-label={t('documents.editor.editInstitution', { name: g.name })}
              >
                {t('documents.editor.edit')}
              </Button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

const institutionFormSchema = z.object({
  position: z.string().regex(/^\d{1,3}$/, 'documents.editor.positionInvalid'),
  name: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  address: z.string().max(500, 'validation.tooLong'),
  what_they_do: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong'),
});
type InstitutionFormValues = z.infer<typeof institutionFormSchema>;
const fields = ['position', 'name', 'address', 'what_they_do'] as const;

type FormProps = { item: GuideInstitution; lang: TemplateLanguage; onSaved: () => void; onReload: () => void; onCancel: () => void };

function InstitutionForm({ item, lang, onSaved, onReload, onCancel }: FormProps) {
  const { t } = useTranslation();
  const mutation = useSaveGuideInstitution(item.code, lang);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<InstitutionFormValues>({
    resolver: zodResolver(institutionFormSchema),
    defaultValues: { position: String(item.position), name: item.name, address: item.address, what_they_do: item.what_they_do },
  });
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    // A Romani entry shown from the Czech text does not exist yet: version 0 creates it.
    const version = item.language === lang ? item.version : 0;
    mutation.mutate(
      { version, position: Number(v.position), name: v.name.trim(), address: v.address.trim(), what_they_do: v.what_they_do.trim() },
      { onSuccess: onSaved, onError: (e) => setUnplaced(applyServerFieldErrors(e, setError, fields)) },
    );
  });
  const conflict = isApiError(mutation.error) && mutation.error.code === 'conflict';
  const err = (n: (typeof fields)[number]) => fieldErrorText(errors[n], t);
  return (
    <form className="form form--medium" onSubmit={onSubmit} noValidate aria-label={t('documents.editor.editInstitution', { name: item.name })}>
      {conflict ? (
        <Alert tone="warning" title={t('documents.editor.institutionConflictTitle')}>
          <p>{t('documents.editor.institutionConflictBody')}</p>
          <Button variant="secondary" onClick={onReload}>
            {t('documents.editor.loadNewest')}
          </Button>
        </Alert>
      ) : (
        <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      )}
      <Field label={t('documents.editor.position')} hint={t('documents.editor.positionHint')} error={err('position')}>
        {(control) => <input {...control} {...register('position')} className="input input--short" inputMode="numeric" />}
      </Field>
      <Field label={t('documents.editor.institutionName')} required error={err('name')}>
        {(control) => <input {...control} {...register('name')} className="input" maxLength={300} />}
      </Field>
      <Field label={t('documents.editor.institutionAddress')} error={err('address')}>
        {(control) => <textarea {...control} {...register('address')} className="input" rows={2} />}
      </Field>
      <Field label={t('documents.editor.whatTheyDo')} required error={err('what_they_do')}>
        {(control) => <textarea {...control} {...register('what_they_do')} className="input" rows={4} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('documents.editor.saveInstitution')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
          {t('documents.editor.cancel')}
        </Button>
      </div>
    </form>
  );
}
