// Create the group's sessions for a date range from its weekly schedule. Safe to repeat: a date that
// already has a session is counted as existing, and Czech public holidays are skipped and listed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { isApiError } from '@/lib/api-error';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useGenerateSessions } from '../api/groups';

function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function GenerateSessions({ groupId }: { groupId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const generate = useGenerateSessions(groupId);
  const [from, setFrom] = useState(todayIso());
  const [to, setTo] = useState(plusDays(todayIso(), 30));
  const fieldError = (name: string) =>
    isApiError(generate.error) ? generate.error.fields.find((f) => f.field === name)?.message : undefined;
  const unplaced = isApiError(generate.error) ? generate.error.fields.filter((f) => f.field !== 'from' && f.field !== 'to') : [];
  const r = generate.data;
  return (
    <section aria-labelledby="generate-title">
      <h2 id="generate-title">{t('activities.generate.title')}</h2>
      <p>{t('activities.generate.lead')}</p>
      <form
        className="form"
        noValidate
        aria-label={t('activities.generate.title')}
        onSubmit={(e) => {
          e.preventDefault();
          generate.mutate({ from, to });
        }}
      >
        <FormErrorSummary error={generate.error} unplaced={unplaced} />
        <div className="form__row">
          <Field label={t('activities.generate.from')} required error={fieldError('from')}>
            {(c) => <input {...c} className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
          </Field>
          <Field label={t('activities.generate.to')} required error={fieldError('to')}>
            {(c) => <input {...c} className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
          </Field>
        </div>
        <div className="form__actions">
          <Button type="submit" busy={generate.isPending}>
            {t('activities.generate.submit')}
          </Button>
        </div>
      </form>
      {r ? (
        <Alert tone="success" title={t('activities.generate.created', { count: r.created.length })}>
          <p>{t('activities.generate.existing', { count: r.existing.length })}</p>
          {r.skipped_holidays.length > 0 ? (
            <p>
              {t('activities.generate.holidays', { count: r.skipped_holidays.length })}{' '}
              {r.skipped_holidays.map((d) => formatDate(d, lang)).join(', ')}
            </p>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}
