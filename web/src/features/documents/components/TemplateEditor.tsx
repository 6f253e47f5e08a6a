// Edit one document template: subject, addressee and body with {{placeholders}}. Saving makes a new
// version; letters generated before keep theirs. A newer version saved meanwhile (409) keeps the text
// typed here and offers to load the newest; malformed placeholders are shown at the field the server names.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { fieldErrorText } from '@/components/ui/field-error';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useSaveTemplateVersion, type TemplateLanguage } from '../api/editors';
import type { DocumentTemplate } from '../types';

const templateFormSchema = z.object({
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  addressee: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong'),
  body: z.string().trim().min(1, 'validation.required').max(20000, 'validation.tooLong'),
});
type TemplateFormValues = z.infer<typeof templateFormSchema>;
const fields = ['title', 'addressee', 'body'] as const;

type Props = {
  code: string;
  language: TemplateLanguage;
  /** The newest version in this language, or the Czech one to start a Romani text from. */
  template: DocumentTemplate;
  onSaved: (t: DocumentTemplate) => void;
  onReload: () => void;
  onCancel: () => void;
};

export function TemplateEditor({ code, language, template, onSaved, onReload, onCancel }: Props) {
  const { t } = useTranslation();
  const mutation = useSaveTemplateVersion(code);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const sameLanguage = template.language === language;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TemplateFormValues>({
    resolver: zodResolver(templateFormSchema),
    defaultValues: { title: template.title, addressee: template.addressee, body: template.body },
  });
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    mutation.mutate(
      { language, title: v.title, addressee: v.addressee, body: v.body, ...(sameLanguage ? { base_version: template.version } : {}) },
      { onSuccess: onSaved, onError: (e) => setUnplaced(applyServerFieldErrors(e, setError, fields)) },
    );
  });
  const conflict = isApiError(mutation.error) && mutation.error.code === 'conflict';
  const err = (n: (typeof fields)[number]) => fieldErrorText(errors[n], t);
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('documents.editor.editTemplate', { name: t(`documents.template.${code}`, { defaultValue: code }) })}>
      {conflict ? (
        <Alert tone="warning" title={t('documents.editor.templateConflictTitle')}>
          <p>{t('documents.editor.templateConflictBody')}</p>
          <Button variant="secondary" onClick={onReload}>
            {t('documents.editor.loadNewest')}
          </Button>
        </Alert>
      ) : (
        <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      )}
      {sameLanguage ? null : <Alert tone="info" title={t('documents.editor.startFromCzech')} />}
      <p className="field__hint">
        {t('documents.editor.placeholdersHint')}{' '}
        {template.placeholders.map((p) => (
          <code key={p} className="placeholder-chip">{`{{${p}}}`}</code>
        ))}
      </p>
      <Field label={t('documents.editor.subject')} required error={err('title')}>
        {(control) => <input {...control} {...register('title')} className="input" maxLength={300} />}
      </Field>
      <Field label={t('documents.editor.addressee')} required hint={t('documents.editor.addresseeHint')} error={err('addressee')}>
        {(control) => <textarea {...control} {...register('addressee')} className="input" rows={4} />}
      </Field>
      <Field label={t('documents.editor.body')} required hint={t('documents.editor.bodyHint')} error={err('body')}>
        {(control) => <textarea {...control} {...register('body')} className="input template-body" rows={16} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('documents.editor.saveVersion')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
          {t('documents.editor.cancel')}
        </Button>
      </div>
    </form>
  );
}
