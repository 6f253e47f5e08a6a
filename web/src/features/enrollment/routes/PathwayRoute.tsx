// A child's enrollment pathway: the stages reached, every computed date with its legal basis, the
// outcome, the tasks it asks for, and the form to record the next stage.
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { formatIsoDate } from '@/lib/format';
import { useIdParam } from '@/lib/use-id-param';
import { useLanguage } from '@/lib/use-language';
import { usePathway } from '../api/get-pathway';
import { StageForm } from '../components/StageForm';
import { TargetSchoolsEditor } from '../components/TargetSchoolsEditor';
import { basisIn } from '../lib/labels';
import type { Pathway, StageRecorded } from '../types';
import '../enrollment.css';

export function PathwayRoute() {
  const { t } = useTranslation();
  const id = useIdParam('caseId') ?? 0;
  const pathway = usePathway(id);
  const crumbs = [{ label: t('places.enrollment.name'), to: '/enrollment' }];
  if (pathway.isPending) return <Loading />;
  if (pathway.isError) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('enrollment.pathway.unknownTitle')} />
        <QueryError
          error={pathway.error}
          notFoundTitle={t('enrollment.pathway.notFound')}
          notFoundBody={t('enrollment.pathway.notFoundBody')}
          back={<Link to="/enrollment">{t('enrollment.pathway.back')}</Link>}
          onRetry={() => void pathway.refetch()}
        />
      </>
    );
  }
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PathwayPage pathway={pathway.data} onReload={() => void pathway.refetch()} />
    </>
  );
}

function PathwayPage({ pathway, onReload }: { pathway: Pathway; onReload: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [recorded, setRecorded] = useState<StageRecorded | null>(null);
  const [editingTargets, setEditingTargets] = useState(false);
  const [targetsSaved, setTargetsSaved] = useState(false);
  const opened = (useLocation().state as { opened?: boolean } | null)?.opened === true;
  const c = pathway.case;
  const name = `${c.child.given_names} ${c.child.surname}`;
  return (
    <>
      <PageHeader
        title={t('enrollment.pathway.title', { name })}
        lead={`${t(`enrollment.level.${c.level}`)} · ${c.school_year_label} · ${t(`enrollment.stage.${c.stage}`)}`}
        actions={
          <Link to={`/families/${c.family_id}`} className="btn btn--secondary">
            {t('enrollment.pathway.family')}
          </Link>
        }
      />
      {opened ? <Alert tone="success" title={t('enrollment.open.opened')} /> : null}
      {c.appeal.late ? (
        <Alert tone="warning" title={t('enrollment.appeal.lateTitle')}>
          <p>{t('enrollment.appeal.lateBody', { deadline: c.appeal.deadline ? formatIsoDate(c.appeal.deadline, lang) : '' })}</p>
        </Alert>
      ) : null}

      <section className="section" aria-labelledby="schools-title">
        <h2 id="schools-title">{t('enrollment.pathway.schools')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('enrollment.pathway.catchment')}</dt>
            <dd>{c.catchment_school?.name ?? t('enrollment.pathway.noCatchment')}</dd>
          </div>
          {editingTargets ? null : (
            <div>
              <dt>{t('enrollment.pathway.targets')}</dt>
              <dd>
                {c.target_schools.length === 0 ? (
                  t('enrollment.pathway.noTargets')
                ) : (
                  <ol className="plain-list">
                    {c.target_schools.map((s) => (s ? <li key={s.id}>{s.name}</li> : null))}
                  </ol>
                )}
              </dd>
            </div>
          )}
          {c.outcome.enrolled_school ? (
            <div>
              <dt>{t('enrollment.pathway.outcome')}</dt>
              <dd>
                {c.outcome.enrolled_school.name} —{' '}
                {c.outcome.enrolled_non_segregated === true
                  ? t('enrollment.pathway.nonSegregated')
                  : c.outcome.enrolled_non_segregated === false
                    ? t('enrollment.pathway.segregated', { status: t(`enrollment.segregation.${c.outcome.segregation_status ?? 'unknown'}`) })
                    : t('enrollment.pathway.statusUnknown')}
              </dd>
            </div>
          ) : null}
        </dl>
        {targetsSaved && !editingTargets ? <Alert tone="success" title={t('enrollment.targets.saved')} /> : null}
        {editingTargets ? (
          <>
            <h3>{t('enrollment.targets.title')}</h3>
            <TargetSchoolsEditor
              key={c.version}
              enrollment={c}
              onReload={onReload}
              onCancel={() => setEditingTargets(false)}
              onSaved={() => {
                setEditingTargets(false);
                setTargetsSaved(true);
              }}
            />
          </>
        ) : (
          <Button
            variant="secondary"
            onClick={() => {
              setTargetsSaved(false);
              setEditingTargets(true);
            }}
          >
            {t('enrollment.targets.edit')}
          </Button>
        )}
      </section>

      <section className="section" aria-labelledby="stages-title">
        <h2 id="stages-title">{t('enrollment.pathway.stages')}</h2>
        <ol className="pathway-stages">
          {pathway.stages.map((s) => (
            <li key={s.stage} className={s.reached ? 'pathway-stages__item--reached' : 'pathway-stages__item--open'}>
              {t(`enrollment.stage.${s.stage}`)}
              {s.date ? ` — ${formatIsoDate(s.date, lang)}` : ` — ${t('enrollment.pathway.notYet')}`}
            </li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="dates-title">
        <h2 id="dates-title">{t('enrollment.pathway.dates')}</h2>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('enrollment.pathway.datesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('enrollment.pathway.what')}</th>
                <th scope="col">{t('enrollment.pathway.when')}</th>
                <th scope="col">{t('enrollment.pathway.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {pathway.dates.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{t(`enrollment.date.${d.key}`, { defaultValue: d.key })}</th>
                  <td className="nowrap">
                    {formatIsoDate(d.date, lang)}
                    {d.disputed ? (
                      <div>
                        <span className="badge badge--warn">{t('enrollment.pathway.disputed')}</span>
                        {d.alternative ? ` ${t('enrollment.pathway.alternative', { date: formatIsoDate(d.alternative, lang) })}` : null}
                      </div>
                    ) : null}
                  </td>
                  <td className="pathway-dates__basis">{basisIn(lang, d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {pathway.tasks.length > 0 ? (
        <section className="section" aria-labelledby="tasks-title">
          <h2 id="tasks-title">{t('enrollment.pathway.tasks')}</h2>
          <ul className="plain-list">
            {pathway.tasks.map((task) => (
              <li key={task.kind}>
                {formatIsoDate(task.due_date, lang)} — {t(`enrollment.task.${task.kind}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section">
        {recorded ? (
          <Alert tone="success" title={t('enrollment.form.saved', { stage: t(`enrollment.stage.${recorded.stage}`) })} />
        ) : null}
        {recorded?.warnings.map((w) => (
          <Alert key={w.code} tone="warning" title={t('enrollment.appeal.lateTitle')}>
            <p>{t('enrollment.appeal.lateBody', { deadline: w.deadline ? formatIsoDate(w.deadline, lang) : '' })}</p>
          </Alert>
        ))}
        <StageForm
          key={c.version}
          enrollment={c}
          onReload={() => {
            setRecorded(null);
            onReload();
          }}
          onRecorded={setRecorded}
        />
      </section>
    </>
  );
}
