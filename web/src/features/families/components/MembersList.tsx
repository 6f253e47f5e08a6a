// The family's members: name, role, age from the birth date; opening a member loads their record
// (relationships, consents, participation) — one audited read per person actually opened.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { usePerson } from '@/features/people/api/get-person';
import { PersonLine } from '@/features/people/components/PersonFacts';
import { PersonPanels } from '@/features/people/components/PersonPanels';
import { personName, type PersonSummary } from '@/features/people/types';

export function MembersList({ members }: { members: readonly PersonSummary[] }) {
  const { t } = useTranslation();
  if (members.length === 0) return <p className="muted">{t('families.members.empty')}</p>;
  return (
    <ul className="plain-list member-list">
      {members.map((m) => (
        <MemberCard key={m.id} member={m} members={members} />
      ))}
    </ul>
  );
}

function MemberCard({ member, members }: { member: PersonSummary; members: readonly PersonSummary[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const name = personName(member);
  return (
    <li className="member">
      <h3 className="member__name">
        <Link to={`/people/${member.id}`}>{name}</Link>
      </h3>
      <p className="member__line">
        <PersonLine person={member} />
      </p>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="member__summary">
          {t('families.members.details')}
          <span className="visually-hidden"> {name}</span>
        </summary>
        {open ? <MemberDetails id={member.id} members={members} /> : null}
      </details>
    </li>
  );
}

function MemberDetails({ id, members }: { id: number; members: readonly PersonSummary[] }) {
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <ErrorAlert error={person.error}>
        <Button variant="secondary" onClick={() => void person.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorAlert>
    );
  }
  return <PersonPanels person={person.data} members={members} />;
}
