// The school's incidents (issue 5), rendered by the incidents feature; the section keeps the heading id
// `incidents-title` (the page's table of contents links to it).
import { useTranslation } from 'react-i18next';
import { SchoolIncidents } from '@/features/incidents/components/SchoolIncidents';

export function IncidentsSlot({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="incidents-title" data-slot="school-incidents" data-school-id={schoolId}>
      <h2 id="incidents-title">{t('schools.incidents.title')}</h2>
      <SchoolIncidents schoolId={schoolId} />
    </section>
  );
}
