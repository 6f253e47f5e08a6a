// Zápis › Nový zápis: pick a child (or come from the child's page with ?person=ID), then open the case.
// After saving, the child's pathway opens, where the target schools are chosen in order.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useMe } from '@/features/auth/api/get-me';
import { usePerson } from '@/features/people/api/get-person';
import { usePeopleSearch } from '@/features/people/api/search-people';
import { personName } from '@/features/people/types';
import { formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { OpenCaseForm } from '../components/OpenCaseForm';
import '../enrollment.css';

export function OpenCaseRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const personParam = Number(params.get('person'));
  const personId = Number.isInteger(personParam) && personParam > 0 ? personParam : null;
  const role = useMe().data?.role;
  const crumbs = [{ label: t('places.enrollment.name'), to: '/enrollment' }];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={t('enrollment.open.title')} lead={t('enrollment.open.lead')} />
      {role === 'analyst' ? (
        <p>{t('enrollment.open.notForAnalysts')}</p>
      ) : personId === null ? (
        <ChildPicker onPick={(id) => setParams({ person: String(id) })} />
      ) : (
        <ChosenChild personId={personId} onChange={() => setParams({})} />
      )}
    </>
  );
}

function ChosenChild({ personId, onChange }: { personId: number; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const person = usePerson(personId);
  if (person.isPending) return <Loading />;
  if (person.isError)
    return (
      <QueryError
        error={person.error}
        notFoundTitle={t('enrollment.open.childNotFound')}
        notFoundBody=""
        back={<Link to="/enrollment/new">{t('enrollment.open.pickAnother')}</Link>}
        onRetry={() => void person.refetch()}
      />
    );
  const p = person.data;
  return (
    <>
      <section className="section" aria-labelledby="open-case-child">
        <h2 id="open-case-child">{t('enrollment.open.child')}</h2>
        <p>
          <Link to={`/people/${p.id}`}>{personName(p)}</Link> · {formatIsoDate(p.birth_date, lang)}{' '}
          <Button variant="ghost" className="btn--small" onClick={onChange}>
            {t('enrollment.open.pickAnother')}
          </Button>
        </p>
        {p.role !== 'child' ? <p className="field__error">{t('enrollment.open.notAChild')}</p> : null}
      </section>
      <OpenCaseForm
        personId={p.id}
        familyId={p.family_id}
        onOpened={(c) => void navigate(`/enrollment/${c.id}`, { state: { opened: true } })}
      />
    </>
  );
}

function ChildPicker({ onPick }: { onPick: (id: number) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const people = usePeopleSearch({ q, sort: 'surname', page: 1, page_size: 25 }, { enabled: q.trim().length >= 2 });
  const children = people.data?.items.filter((p) => p.role === 'child') ?? [];
  return (
    <section className="section" aria-labelledby="pick-child-title">
      <h2 id="pick-child-title">{t('enrollment.open.pickChild')}</h2>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(typed.trim());
        }}
      >
        <Field label={t('enrollment.open.searchChild')} hint={t('enrollment.open.searchHint')}>
          {(control) => <input {...control} className="input" value={typed} onChange={(e) => setTyped(e.target.value)} />}
        </Field>
        <Button type="submit" variant="secondary">
          {t('enrollment.open.search')}
        </Button>
      </form>
      {q.trim().length >= 2 && people.isPending ? <Loading /> : null}
      {people.isSuccess && q.trim().length >= 2 ? (
        children.length === 0 ? (
          <p>{t('enrollment.open.noChildren', { q })}</p>
        ) : (
          <ul className="plain-list pick-list">
            {children.map((c) => (
              <li key={c.id}>
                <Button variant="secondary" onClick={() => onPick(c.id)}>
                  {personName(c)} · {formatIsoDate(c.birth_date, lang)}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
