// Výkazy › Projekt a cíle (coordinators and admins edit; others read): name, funder, call, period,
// reporting periods, indicator targets, and the settings that change counting (small-cell threshold,
// supported-person hours, the EECO15 target-group option). Saved with the version read; a stale one
// (409) reads the project again, shows both versions and lets the coordinator choose.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { VersionConflict, type ConflictRow } from '@/components/ui/VersionConflict';
import { SERVER_ERROR_TYPE, fieldErrorText } from '@/components/ui/field-error';
import { useMe } from '@/features/auth/api/get-me';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { formatIsoDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { getProject, useProject } from '../api/get-project';
import type { Project } from '../api/schemas';
import {
  formFieldOf,
  projectFormSchema,
  toProjectBody,
  useIndicatorDefinitions,
  useUpdateProject,
  valuesFromProject,
  type IndicatorDefinition,
  type ProjectFormValues,
} from '../api/update-project';
import { ReportsTabs } from '../components/ReportsTabs';
import '../reports.css';

export function ProjectRoute() {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  const manages = role === 'coordinator' || role === 'admin';
  const project = useProject();
  const definitions = useIndicatorDefinitions();
  return (
    <>
      <PageHeader title={t('reports.project.title')} lead={t('reports.project.lead')} />
      <ReportsTabs />
      {project.isPending || definitions.isPending ? <Loading /> : null}
      {project.isError ? <QueryError error={project.error} notFoundTitle="" notFoundBody="" back={null} onRetry={() => void project.refetch()} /> : null}
      {definitions.isError ? <ErrorAlert error={definitions.error} /> : null}
      {project.data && definitions.data ? (
        manages ? (
          <ProjectForm key={project.data.id} project={project.data} definitions={definitions.data} />
        ) : (
          <ProjectFacts project={project.data} definitions={definitions.data} />
        )
      ) : null}
    </>
  );
}

function indicatorName(d: IndicatorDefinition, lang: string) {
  return lang === 'en' ? d.name_en : d.name_cs;
}

function ProjectFacts({ project, definitions }: { project: Project; definitions: IndicatorDefinition[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <>
      <dl className="report-meta">
        <dt>{t('reports.project.name')}</dt>
        <dd>{project.name}</dd>
        <dt>{t('reports.project.funder')}</dt>
        <dd>{project.funder}</dd>
        <dt>{t('reports.project.call')}</dt>
        <dd>{project.call}</dd>
        <dt>{t('reports.project.period')}</dt>
        <dd>
          {formatIsoDate(project.period_from, lang)} – {formatIsoDate(project.period_to, lang)}
        </dd>
      </dl>
      <h2>{t('reports.project.targets')}</h2>
      <ul className="plain-list">
        {definitions
          .filter((d) => project.targets[d.code] !== undefined)
          .map((d) => (
            <li key={d.code}>
              {d.code} {indicatorName(d, lang)}: {formatNumber(project.targets[d.code]!, lang)}
            </li>
          ))}
      </ul>
    </>
  );
}

const topFields = [
  'name',
  'funder',
  'call',
  'registration_number',
  'period_from',
  'period_to',
  'suppression_threshold',
  'supported_hours',
  'non_segregated_percent',
  'minority_target_group',
] as const;

function ProjectForm({ project, definitions }: { project: Project; definitions: IndicatorDefinition[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const mutation = useUpdateProject();
  const [version, setVersion] = useState(project.version);
  const [theirs, setTheirs] = useState<Project | null>(null);
  const [saved, setSaved] = useState(false);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors },
  } = useForm<ProjectFormValues>({ resolver: zodResolver(projectFormSchema), defaultValues: valuesFromProject(project) });
  const periods = useFieldArray({ control, name: 'periods' });
  const codes = new Set(definitions.map((d) => d.code));

  const known = (name: string): boolean => {
    if ((topFields as readonly string[]).includes(name)) return true;
    const p = /^periods\.(\d+)\.(label|from|to)$/.exec(name);
    if (p) return Number(p[1]) < getValues('periods').length;
    const tg = /^targets\.(.+)$/.exec(name);
    return !!tg && codes.has(tg[1]!);
  };

  const save = (values: ProjectFormValues, v: number) => {
    setSaved(false);
    setUnplaced([]);
    mutation.mutate(toProjectBody(values, v), {
      onSuccess: (p) => {
        setVersion(p.version);
        setSaved(true);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'conflict') {
          void getProject().then(setTheirs, () => setTheirs(null));
          return;
        }
        const rest: ServerFieldError[] = [];
        let focused = false;
        for (const f of isApiError(error) ? error.fields : []) {
          const name = formFieldOf(f.field);
          if (!known(name)) {
            rest.push(f);
            continue;
          }
          setError(name as FieldPath<ProjectFormValues>, { type: SERVER_ERROR_TYPE, message: f.message }, { shouldFocus: !focused });
          focused = true;
        }
        setUnplaced(rest);
      },
    });
  };
  const onSubmit = handleSubmit((values) => save(values, version));
  const conflict = isApiError(mutation.error) && mutation.error.code === 'conflict';

  const err = (name: string): string | undefined => {
    const parts = name.split('.');
    let e: unknown = errors;
    for (const p of parts) e = (e as Record<string, unknown> | undefined)?.[p];
    return fieldErrorText(e as Parameters<typeof fieldErrorText>[0], t);
  };

  const conflictRows = (mine: ProjectFormValues, other: Project): ConflictRow[] => {
    const th = valuesFromProject(other);
    const periodsText = (v: ProjectFormValues) => v.periods.map((p) => `${p.label} (${p.from} – ${p.to})`).join('; ');
    const targetsText = (v: ProjectFormValues) =>
      Object.entries(v.targets)
        .filter(([, x]) => x.trim() !== '')
        .map(([k, x]) => `${k} ${x}`)
        .join(', ');
    return [
      { label: t('reports.project.name'), mine: mine.name, theirs: th.name },
      { label: t('reports.project.funder'), mine: mine.funder, theirs: th.funder },
      { label: t('reports.project.call'), mine: mine.call, theirs: th.call },
      { label: t('reports.project.period'), mine: `${mine.period_from} – ${mine.period_to}`, theirs: `${th.period_from} – ${th.period_to}` },
      { label: t('reports.project.suppression'), mine: mine.suppression_threshold, theirs: th.suppression_threshold },
      { label: t('reports.project.supportedHours'), mine: mine.supported_hours, theirs: th.supported_hours },
      { label: t('reports.project.nonSegregated'), mine: mine.non_segregated_percent, theirs: th.non_segregated_percent },
      { label: t('reports.project.periods'), mine: periodsText(mine), theirs: periodsText(th) },
      { label: t('reports.project.targets'), mine: targetsText(mine), theirs: targetsText(th) },
    ];
  };

  const sections = [
    ['esf', t('reports.project.esfTargets')],
    ['programme', t('reports.project.programmeTargets')],
  ] as const;

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('reports.project.title')}>
      {saved ? <Alert tone="success" title={t('reports.project.saved')} /> : null}
      {conflict ? (
        <ErrorAlert error={mutation.error} title={t('reports.project.conflictTitle')}>
          <p>{t('conflict.body')}</p>
          {theirs ? (
            <VersionConflict
              rows={conflictRows(getValues(), theirs)}
              busy={mutation.isPending}
              onKeepMine={() => {
                const v = theirs.version;
                setVersion(v);
                setTheirs(null);
                save(getValues(), v);
              }}
              onTakeTheirs={() => {
                setVersion(theirs.version);
                reset(valuesFromProject(theirs));
                setTheirs(null);
                mutation.reset();
              }}
            />
          ) : (
            <p>{t('conflict.reload')}</p>
          )}
        </ErrorAlert>
      ) : (
        <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      )}
      <fieldset className="fieldset">
        <legend>{t('reports.project.basics')}</legend>
        <Field label={t('reports.project.name')} required error={err('name')}>
          {(c) => <input {...c} {...register('name')} className="input" maxLength={200} />}
        </Field>
        <div className="form__row">
          <Field label={t('reports.project.funder')} required error={err('funder')}>
            {(c) => <input {...c} {...register('funder')} className="input" maxLength={200} />}
          </Field>
          <Field label={t('reports.project.call')} required error={err('call')}>
            {(c) => <input {...c} {...register('call')} className="input" maxLength={200} />}
          </Field>
        </div>
        <Field label={t('reports.project.registrationNumber')} error={err('registration_number')}>
          {(c) => <input {...c} {...register('registration_number')} className="input" maxLength={100} />}
        </Field>
        <div className="form__row">
          <Field label={t('reports.project.periodFrom')} required error={err('period_from')}>
            {(c) => <input {...c} {...register('period_from')} className="input" type="date" />}
          </Field>
          <Field label={t('reports.project.periodTo')} required error={err('period_to')}>
            {(c) => <input {...c} {...register('period_to')} className="input" type="date" />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('reports.project.periods')}</legend>
        <p className="field__hint">{t('reports.project.periodsHint')}</p>
        {periods.fields.length === 0 ? <p className="muted">{t('reports.project.noPeriods')}</p> : null}
        <ol className="plain-list project-periods">
          {periods.fields.map((f, i) => (
            <li key={f.id} className="project-periods__item">
              <div className="form__row">
                <Field label={t('reports.project.periodLabel', { n: i + 1 })} required error={err(`periods.${i}.label`)}>
                  {(c) => <input {...c} {...register(`periods.${i}.label`)} className="input" maxLength={100} />}
                </Field>
                <Field label={t('reports.project.from', { n: i + 1 })} required error={err(`periods.${i}.from`)}>
                  {(c) => <input {...c} {...register(`periods.${i}.from`)} className="input" type="date" />}
                </Field>
                <Field label={t('reports.project.to', { n: i + 1 })} required error={err(`periods.${i}.to`)}>
                  {(c) => <input {...c} {...register(`periods.${i}.to`)} className="input" type="date" />}
                </Field>
              </div>
              <Button variant="ghost" className="btn--small" onClick={() => periods.remove(i)} aria-label={t('reports.project.removePeriod', { n: i + 1 })}>
                {t('reports.project.remove')}
              </Button>
            </li>
          ))}
        </ol>
        <Button variant="secondary" onClick={() => periods.append({ label: '', from: '', to: '' })}>
          {t('reports.project.addPeriod')}
        </Button>
      </fieldset>

      {sections.map(([section, title]) => (
        <fieldset className="fieldset" key={section}>
          <legend>{title}</legend>
          <p className="field__hint">{t('reports.project.targetsHint')}</p>
          <div className="project-targets">
            {definitions
              .filter((d) => d.section === section)
              .map((d) => (
                <Field key={d.code} label={`${d.code} ${indicatorName(d, lang)}`} error={err(`targets.${d.code}`)}>
                  {(c) => <input {...c} {...register(`targets.${d.code}`)} className="input input--short" inputMode="decimal" />}
                </Field>
              ))}
          </div>
        </fieldset>
      ))}

      <fieldset className="fieldset">
        <legend>{t('reports.project.counting')}</legend>
        <div className="form__row">
          <Field label={t('reports.project.suppression')} hint={t('reports.project.suppressionHint')} required error={err('suppression_threshold')}>
            {(c) => <input {...c} {...register('suppression_threshold')} className="input input--short" inputMode="numeric" />}
          </Field>
          <Field label={t('reports.project.supportedHours')} hint={t('reports.project.supportedHoursHint')} required error={err('supported_hours')}>
            {(c) => <input {...c} {...register('supported_hours')} className="input input--short" inputMode="decimal" />}
          </Field>
          <Field label={t('reports.project.nonSegregated')} hint={t('reports.project.nonSegregatedHint')} required error={err('non_segregated_percent')}>
            {(c) => <input {...c} {...register('non_segregated_percent')} className="input input--short" inputMode="decimal" />}
          </Field>
        </div>
        <label>
          <input type="checkbox" className="checkbox" {...register('minority_target_group')} /> {t('reports.project.minority')}
        </label>
      </fieldset>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('reports.project.save')}
        </Button>
      </div>
    </form>
  );
}
