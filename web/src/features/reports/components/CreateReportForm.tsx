// A new draft report for a period: two dates, or one of the project's reporting periods in one click.
// The server's field errors show at the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { formatIsoDate } from '@/lib/format';
import { useCreateReport } from '../api/create-report';
import type { Project, Report } from '../api/schemas';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'reports.form.dateInvalid');
const formSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((v) => v.to >= v.from, { path: ['to'], message: 'reports.form.toBeforeFrom' });
type FormValues = z.infer<typeof formSchema>;

export function CreateReportForm({ project, onCreated }: { project: Project | undefined; onCreated: (r: Report) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useCreateReport();
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    formState: { errors },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { from: project?.period_from ?? '', to: project?.period_to ?? '' },
  });
  const message = (m?: string) => (m ? t(m, { defaultValue: m }) : undefined);
  const onSubmit = handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: onCreated,
      onError: (error) => applyServerFieldErrors(error, setError, ['from', 'to']),
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="create-report-title">
      <h2 id="create-report-title">{t('reports.form.title')}</h2>
      {project ? (
        <div className="report-period-picks" role="group" aria-label={t('reports.form.periods')}>
          {[{ label: t('reports.form.wholeProject'), from: project.period_from, to: project.period_to }, ...project.periods].map((p) => (
            <Button
              key={p.label}
              variant="secondary"
              onClick={() => {
                setValue('from', p.from);
                setValue('to', p.to);
              }}
            >
              {p.label} ({formatIsoDate(p.from, lang)} – {formatIsoDate(p.to, lang)})
            </Button>
          ))}
        </div>
      ) : null}
      <div className="report-form">
        <Field label={t('reports.form.from')} error={message(errors.from?.message)} required>
          {(control) => <input type="date" {...control} {...register('from')} />}
        </Field>
        <Field label={t('reports.form.to')} error={message(errors.to?.message)} required>
          {(control) => <input type="date" {...control} {...register('to')} />}
        </Field>
        <Button type="submit" busy={create.isPending}>
          {t('reports.form.create')}
        </Button>
      </div>
      {create.isError && !(create.error as { fields?: unknown[] }).fields?.length ? <ErrorAlert error={create.error} /> : null}
    </form>
  );
}
