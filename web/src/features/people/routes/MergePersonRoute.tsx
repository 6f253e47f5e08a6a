// Rodiny › <person> › Sloučit: a coordinator joins a duplicate record into this one. Pick the other record
// by name, compare both side by side, confirm; afterwards the result and "undo" (possible for 30 days).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { ConfirmPanel } from '@/components/ui/ConfirmPanel';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { useIdParam } from '@/lib/use-id-param';
import { useLanguage } from '@/lib/use-language';
import { usePerson } from '../api/get-person';
import { canUndo, findMerge, useMergePeople, useMerges, useUndoMerge } from '../api/merges';
import { usePeopleSearch } from '../api/search-people';
import { MergeCompare } from '../components/MergeCompare';
import { PeopleTable } from '../components/PeopleTable';
import { personName, type Merge, type Person } from '../types';
import '../styles/registry-extra.css';

export function MergePersonRoute() {
  const { t } = useTranslation();
  const id = useIdParam('personId') ?? 0;
  const person = usePerson(id);
  const [result, setResult] = useState<{ person: Person; duplicate: Person } | null>(null);
  const crumbs = [
    { label: t('places.families.name'), to: '/families' },
    { label: t('registryExtra.tabs.people'), to: '/people' },
  ];
  if (result) {
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: personName(result.person), to: `/people/${result.person.id}` }]} />
        <MergeResult person={result.person} duplicate={result.duplicate} />
      </>
    );
  }
  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('registryExtra.merge.title')} />
        <QueryError
          error={person.error}
          notFoundTitle={t('people.notFound')}
          notFoundBody={t('people.notFoundBody')}
          back={<Link to="/people">{t('registryExtra.search.backToSearch')}</Link>}
          onRetry={() => void person.refetch()}
        />
      </>
    );
  }
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: personName(person.data), to: `/people/${id}` }]} />
      <MergeFlow keep={person.data} onMerged={(merged, duplicate) => setResult({ person: merged, duplicate })} />
    </>
  );
}

function MergeFlow({ keep, onMerged }: { keep: Person; onMerged: (merged: Person, duplicate: Person) => void }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const otherId = Number(params.get('with'));
  const chosen = Number.isInteger(otherId) && otherId > 0 && otherId !== keep.id ? otherId : null;
  const [draft, setDraft] = useState(params.get('q') ?? `${keep.surname}`);
  const q = params.get('q') ?? keep.surname;
  const found = usePeopleSearch({ q, sort: 'surname', page: 1, page_size: 20 }, { enabled: q.trim() !== '' });
  const candidates = (found.data?.items ?? []).filter((p) => p.id !== keep.id);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParam('q', draft.trim());
  };

  return (
    <>
      <PageHeader title={t('registryExtra.merge.title')} lead={t('registryExtra.merge.lead', { name: personName(keep) })} />
      <section className="section" aria-labelledby="merge-pick">
        <h2 id="merge-pick">{t('registryExtra.merge.pickTitle')}</h2>
        <p>{t('registryExtra.merge.pickExplain')}</p>
        <form className="people-search" role="search" onSubmit={onSearch} noValidate aria-label={t('registryExtra.merge.pickTitle')}>
          <Field label={t('registryExtra.search.q')} hint={t('registryExtra.search.qHint')}>
            {(control) => (
              <input {...control} className="input" type="search" value={draft} autoComplete="off" onChange={(e) => setDraft(e.target.value)} />
            )}
          </Field>
          <div className="form__actions">
            <Button type="submit">{t('registryExtra.search.submit')}</Button>
          </div>
        </form>
        {found.isFetching && !found.data ? <Loading /> : null}
        {found.isError ? <ErrorAlert error={found.error} /> : null}
        {found.isSuccess && candidates.length === 0 ? <p className="muted">{t('registryExtra.merge.noCandidates')}</p> : null}
        {candidates.length > 0 ? (
          <PeopleTable
            people={candidates}
            caption={t('registryExtra.merge.candidatesCaption')}
            actionLabel={t('registryExtra.merge.choose')}
            action={(p) =>
              p.id === chosen ? (
                <strong>{t('registryExtra.merge.chosen')}</strong>
              ) : (
                <Button variant="secondary" className="btn--small" onClick={() => setParam('with', String(p.id))}>
                  {t('registryExtra.merge.chooseThis', { name: personName(p) })}
                </Button>
              )
            }
          />
        ) : null}
      </section>
      {/* Keyed by the chosen record: picking another starts its confirmation afresh. */}
      {chosen !== null ? <MergeConfirm key={chosen} keep={keep} otherId={chosen} onMerged={onMerged} /> : null}
    </>
  );
}

function MergeConfirm({ keep, otherId, onMerged }: { keep: Person; otherId: number; onMerged: (merged: Person, duplicate: Person) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const other = usePerson(otherId);
  const keepQuery = usePerson(keep.id);
  const mutation = useMergePeople();
  const [confirming, setConfirming] = useState(false);

  if (other.isPending) return <Loading />;
  if (other.isError) {
    return (
      <QueryError
        error={other.error}
        notFoundTitle={t('registryExtra.merge.otherGoneTitle')}
        notFoundBody={t('registryExtra.merge.otherGoneBody')}
        back={null}
        onRetry={() => void other.refetch()}
      />
    );
  }
  const error = mutation.error;
  const code = isApiError(error) ? error.code : null;
  const duplicateMessage = isApiError(error) ? error.fieldMessage('duplicate_id') : undefined;
  return (
    <section className="section" aria-labelledby="merge-compare">
      <h2 id="merge-compare">{t('registryExtra.merge.compareTitle')}</h2>
      <MergeCompare keep={keep} merge={other.data} />
      <p>
        <Link to={`/people/${otherId}/merge?with=${keep.id}`} onClick={() => mutation.reset()}>
          {t('registryExtra.merge.swap', { name: personName(other.data) })}
        </Link>
      </p>
      {code === 'conflict' ? (
        <Alert tone="warning" title={t('registryExtra.merge.conflictTitle')}>
          <p>{t('registryExtra.merge.conflictBody', { name: personName(keep) })}</p>
        </Alert>
      ) : null}
      {code === 'validation_failed' ? (
        <ErrorAlert error={error} title={t('registryExtra.merge.invalidTitle')}>
          {duplicateMessage ? <p>{duplicateMessage}</p> : null}
        </ErrorAlert>
      ) : null}
      {code === 'forbidden' ? <ErrorAlert error={error} title={t('registryExtra.merge.forbidden')} /> : null}
      {mutation.isError && code !== 'conflict' && code !== 'validation_failed' && code !== 'forbidden' ? <ErrorAlert error={error} /> : null}
      {confirming ? (
        <ConfirmPanel
          title={t('registryExtra.merge.confirmTitle', { merge: personName(other.data), keep: personName(keep) })}
          confirmLabel={t('registryExtra.merge.confirm')}
          cancelLabel={t('common.cancel')}
          busy={mutation.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            mutation.mutate(
              { personId: keep.id, duplicateId: otherId, version: keepQuery.data?.version ?? keep.version },
              {
                onSuccess: (merged) => onMerged(merged, other.data),
                onError: (e) => {
                  if (isApiError(e) && e.code === 'conflict') void keepQuery.refetch();
                  if (isApiError(e) && e.code === 'not_found') navigate(`/people/${keep.id}`);
                },
                onSettled: () => setConfirming(false),
              },
            )
          }
        >
          <ul>
            <li>{t('registryExtra.merge.consequenceMove')}</li>
            <li>{t('registryExtra.merge.consequenceHide', { name: personName(other.data), id: otherId })}</li>
            <li>{t('registryExtra.merge.consequenceUndo')}</li>
          </ul>
        </ConfirmPanel>
      ) : (
        <Button onClick={() => { mutation.reset(); setConfirming(true); }}>{t('registryExtra.merge.mergeButton')}</Button>
      )}
    </section>
  );
}

function MergeResult({ person, duplicate }: { person: Person; duplicate: Person }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const merges = useMerges();
  const undo = useUndoMerge();
  const [undone, setUndone] = useState<Merge | null>(null);
  const merge = merges.data ? findMerge(merges.data, person.id, duplicate.id) : undefined;
  const undoError = undo.error;
  return (
    <>
      <PageHeader title={t('registryExtra.merge.doneTitle')} lead={personName(person)} />
      {undone ? (
        <Alert tone="success" title={t('registryExtra.merge.undoneTitle')}>
          <p>{t('registryExtra.merge.undoneBody')}</p>
          <ul className="link-list">
            <li>
              <Link to={`/people/${person.id}`}>{personName(person)}</Link>
            </li>
            <li>
              <Link to={`/people/${duplicate.id}`}>{personName(duplicate)}</Link>
            </li>
          </ul>
        </Alert>
      ) : (
        <>
          <Alert tone="success" title={t('registryExtra.merge.doneBody', { merge: personName(duplicate), keep: personName(person) })}>
            <p>{t('registryExtra.merge.nowHas')}</p>
            <ul>
              <li>{t('registryExtra.merge.count.relationships', { count: person.relationships.length })}</li>
              <li>{t('registryExtra.merge.count.consents', { count: person.consents.length })}</li>
              <li>{t('registryExtra.merge.count.participation', { count: person.participation.length })}</li>
            </ul>
          </Alert>
          <p>
            <Link to={`/people/${person.id}`} className="btn btn--primary">
              {t('registryExtra.merge.openMerged', { name: personName(person) })}
            </Link>
          </p>
          <section className="section" aria-labelledby="merge-undo">
            <h2 id="merge-undo">{t('registryExtra.merge.undoTitle')}</h2>
            {merges.isPending ? <Loading /> : null}
            {merges.isError ? <ErrorAlert error={merges.error} /> : null}
            {merge ? (
              <>
                <p>{t('registryExtra.merge.undoExplain', { until: formatDateTime(merge.undo_until, lang) })}</p>
                {undo.isError ? (
                  <ErrorAlert
                    error={undoError}
                    title={isApiError(undoError) && undoError.code === 'conflict' ? t('registryExtra.merge.undoConflict') : undefined}
                  />
                ) : null}
                {canUndo(merge) ? (
                  <Button variant="secondary" busy={undo.isPending} onClick={() => undo.mutate(merge.id, { onSuccess: setUndone })}>
                    {t('registryExtra.merge.undo')}
                  </Button>
                ) : null}
              </>
            ) : null}
            <p>
              <Link to="/people/merges">{t('registryExtra.merge.recentLink')}</Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
