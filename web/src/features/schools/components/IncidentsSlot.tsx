// ─────────────────────────────────────────────────────────────────────────────────────────────
// SLOT FOR INCIDENTS (issue 5): the incidents feature renders the school's incidents here
// (discrimination and barriers at this school: list, anonymised counts by type, "record an incident").
// Replace the body of this component — or render the incidents feature's component from SchoolRoute
// in its place — and keep the section's heading id `incidents-title` (tests and the page's order rely on it).
// ─────────────────────────────────────────────────────────────────────────────────────────────
import { useTranslation } from 'react-i18next';

export function IncidentsSlot({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="incidents-title" data-slot="school-incidents" data-school-id={schoolId}>
      <h2 id="incidents-title">{t('schools.incidents.title')}</h2>
      <p className="muted">{t('schools.incidents.planned')}</p>
    </section>
  );
}
