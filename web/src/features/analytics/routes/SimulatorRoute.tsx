// Analýzy › Simulátor: five admission policies on a Brno-like synthetic city, side by side.
// The run takes a few seconds: the button is busy, progress is announced and the run can be cancelled.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { isApiError } from '@/lib/api-error';
import { useLanguage } from '@/lib/use-language';
import { scenarioFileName, scenarioUrl } from '../api/get-scenario';
import {
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  MAX_DRAWS,
  MIN_DRAWS,
  mechanismKeys,
  useSimulate,
  type Simulation,
} from '../api/simulate';
import { AnalyticsTabs } from '../components/AnalyticsTabs';
import { SimulationResults } from '../components/SimulationResults';

type FormErrors = { draws?: string; seed?: string };

function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export function SimulatorRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [draws, setDraws] = useState(String(DEFAULT_DRAWS));
  const [seed, setSeed] = useState(String(DEFAULT_SEED));
  const [errors, setErrors] = useState<FormErrors>({});
  const [cancelled, setCancelled] = useState(false);
  const [result, setResult] = useState<Simulation | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mutation = useSimulate();

  useEffect(() => () => controller.current?.abort(), []);

  const seedNumber = parseWhole(seed);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const d = parseWhole(draws);
    const s = parseWhole(seed);
    const next: FormErrors = {};
    if (d === null || d < MIN_DRAWS || d > MAX_DRAWS) next.draws = t('analytics.simulator.drawsRange', { min: MIN_DRAWS, max: MAX_DRAWS });
    if (s === null) next.seed = t('analytics.simulator.seedWhole');
    setErrors(next);
    if (next.draws || next.seed || d === null || s === null) return;
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setCancelled(false);
    mutation.mutate(
      { input: { draws: d, seed: s }, signal: own.signal },
      {
        onSuccess: (data) => {
          if (controller.current === own) setResult(data);
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'validation_failed') {
            setErrors({ draws: error.fieldMessage('draws'), seed: error.fieldMessage('seed') });
          }
        },
      },
    );
  }

  function onCancel() {
    controller.current?.abort();
    controller.current = null;
    mutation.reset();
    setCancelled(true);
  }

  const running = mutation.isPending;
  const failed = mutation.isError && !(mutation.error instanceof DOMException) ? mutation.error : null;
  // Field errors for draws or seed sit at their fields; any other failure shows as an alert.
  const atFields = isApiError(failed) && failed.code === 'validation_failed' && failed.fields.every((f) => f.field === 'draws' || f.field === 'seed');

  return (
    <>
      <PageHeader title={t('analytics.simulator.title')} lead={t('analytics.simulator.lead')} />
      <AnalyticsTabs />

      <section className="section analytics-intro" aria-labelledby="sim-about">
        <h2 id="sim-about">{t('analytics.simulator.aboutTitle')}</h2>
        <p>{t('analytics.simulator.about1')}</p>
        <p>{t('analytics.simulator.about2')}</p>
        <dl className="analytics-policies">
          {mechanismKeys.map((m) => (
            <div key={m} className="analytics-policies__item">
              <dt>{t(`analytics.mechanism.${m}.name`)}</dt>
              <dd>{t(`analytics.mechanism.${m}.about`)}</dd>
            </div>
          ))}
        </dl>
        <p>{t('analytics.simulator.about3')}</p>
      </section>

      <form className="section analytics-form" onSubmit={onSubmit} noValidate aria-labelledby="sim-run">
        <h2 id="sim-run">{t('analytics.simulator.runTitle')}</h2>
        <div className="analytics-form__row">
          <Field label={t('analytics.simulator.draws')} hint={t('analytics.simulator.drawsHint', { min: MIN_DRAWS, max: MAX_DRAWS })} error={errors.draws}>
            {(control) => (
              <input
                {...control}
                className="input input--short"
                inputMode="numeric"
                name="draws"
                value={draws}
                onChange={(e) => setDraws(e.target.value)}
                disabled={running}
              />
            )}
          </Field>
          <Field label={t('analytics.simulator.seed')} hint={t('analytics.simulator.seedHint')} error={errors.seed}>
            {(control) => (
              <input
                {...control}
                className="input input--short"
                inputMode="numeric"
                name="seed"
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
                disabled={running}
              />
            )}
          </Field>
        </div>
        <div className="form__actions">
          <Button type="submit" busy={running}>
            {running ? t('analytics.simulator.running') : t('analytics.simulator.run')}
          </Button>
          {running ? (
            <Button variant="secondary" onClick={onCancel}>
              {t('analytics.simulator.cancel')}
            </Button>
          ) : null}
          {seedNumber !== null ? (
            <a className="btn btn--ghost" href={scenarioUrl(seedNumber)} download={scenarioFileName(seedNumber)}>
              {t('analytics.simulator.downloadScenario')}
            </a>
          ) : null}
        </div>
        {running ? <Loading label={t('analytics.simulator.progress', { draws: parseWhole(draws) ?? 0 })} /> : null}
        {cancelled && !running ? <Alert tone="info" title={t('analytics.simulator.cancelled')} /> : null}
        {failed && !atFields ? <ErrorAlert error={failed} /> : null}
      </form>

      {result ? <SimulationResults result={result} lang={lang} stale={running} /> : null}
    </>
  );
}
