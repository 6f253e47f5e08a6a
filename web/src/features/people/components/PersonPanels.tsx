// The parts of a person's record shown on both the family page and the person page.
import type { Person, PersonSummary } from '../types';
import { ConsentsPanel } from './ConsentsPanel';
import { ParticipationPanel } from './ParticipationPanel';
import { RelationshipsPanel } from './RelationshipsPanel';
import { SpecialCategorySection } from './SpecialCategorySection';

export function PersonPanels({ person, members }: { person: Person; members: readonly PersonSummary[] }) {
  return (
    <div className="person-panels">
      <RelationshipsPanel person={person} members={members} />
      <ConsentsPanel person={person} />
      <ParticipationPanel person={person} />
      <SpecialCategorySection person={person} />
    </div>
  );
}
