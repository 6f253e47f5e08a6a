// Školy › Prahy segregace: the shares of Roma pupils above which a school counts as "more than a third",
// "more than half" and "almost all" (DOMAIN.md marks them as a choice, so coordinators set them).
// Every composition estimate's status follows the new values. No version: the last save wins (audited).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { fieldErrorText } from '@/components/ui/field-error';
import { useMe } from '@/features/auth/api/get-me';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useThresholds } from '../api/settings';
import { usePutThresholds } from '../api/school-mutations';
import { SchoolsTabs } from '../components/SchoolsTabs';
import { parseDecimal, percentText, thresholdsFormSchema, type ThresholdsFormValues } from '../lib/school-form';
import type { Thresholds } from '../types';
import '../schools.css';

const keys = ['more_than_third', 'more_than_half', 'almost_all'] as const;

export function ThresholdsRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const role = useMe().data?.role;
  const manages = role === 'coordinator' || role === 'admin';
  const thresholds = useThresholds();
  return (
    <>
      <PageHeader title={t('schools.thresholds.title')} lead={t('schools.thresholds.lead')} />
      <SchoolsTabs />
      {thresholds.isPending ? <Loading /> : null}
      {thresholds.isError ? (
        <QueryError error={thresholds.error} notFoundTitle="" notFoundBody="" back={null} onRetry={() => void thresholds.refetch()} />
      ) : null}
      {thresholds.data ? (
        manages ? (
          <ThresholdsForm key={keys.map((k) => thresholds.data[k]).join('/')} current={thresholds.data} />
        ) : (
          <dl className="facts">
            {keys.map((k) => (
              <div key={k}>
                <dt>{t(`schools.status.${k}`)}</dt>
                <dd>{formatNumber(Number(percentText(thresholds.data[k])), lang)} %</dd>
              </div>
            ))}
          </dl>
        )
      ) : null}
    </>
  );
}

function ThresholdsForm({ current }: { current: Thresholds }) {
  const { t } = useTranslation();
  const mutation = usePutThresholds();
  const [saved, setSaved] = useState(false);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ThresholdsFormValues>({
    resolver: zodResolver(thresholdsFormSchema),
    defaultValues: {
      more_than_third: percentText(current.more_than_third),
      more_than_half: percentText(current.more_than_half),
      almost_all: percentText(current.almost_all),
    },
  });
  const onSubmit = handleSubmit((v) => {
    setSaved(false);
    setUnplaced([]);
    const body = {
      more_than_third: (parseDecimal(v.more_than_third) ?? 0) / 100,
      more_than_half: (parseDecimal(v.more_than_half) ?? 0) / 100,
      almost_all: (parseDecimal(v.almost_all) ?? 0) / 100,
    };
    mutation.mutate(body, {
      onSuccess: () => setSaved(true),
      onError: (e) => setUnplaced(isApiError(e) ? e.fields : []),
    });
  });
  return (
    <form className="form form--medium" onSubmit={onSubmit} noValidate aria-label={t('schools.thresholds.title')}>
      {saved ? <Alert tone="success" title={t('schools.thresholds.saved')} /> : null}
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      {keys.map((k) => (
        <Field
          key={k}
          label={t(`schools.thresholds.label.${k}`)}
          hint={t(`schools.thresholds.hint.${k}`)}
          error={fieldErrorText(errors[k], t)}
          required
        >
          {(control) => (
            <span className="input-with-unit">
              <input {...control} {...register(k)} className="input input--short" inputMode="decimal" /> %
            </span>
          )}
        </Field>
      ))}
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('schools.thresholds.save')}
        </Button>
      </div>
    </form>
  );
}
