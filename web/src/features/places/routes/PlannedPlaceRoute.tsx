// A place whose work is not built yet says plainly what will be here and who it is for.
// No sample rows, no invented numbers.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlaceKey } from '@/app/places';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';

export function PlannedPlaceRoute({ place }: { place: Exclude<PlaceKey, 'admin'> }) {
  const { t } = useTranslation();
  const features = t(`places.${place}.planned`, { returnObjects: true });
  return (
    <>
      <PageHeader title={t(`places.${place}.name`)} lead={t(`places.${place}.purpose`)} />
      <EmptyState
        title={t('places.notYetTitle')}
        action={
          <p>
            {t('places.meanwhile')} <Link to="/account/password">{t('places.meanwhileLink')}</Link>.
          </p>
        }
      >
        <p>{t('places.notYetBody')}</p>
        {Array.isArray(features) ? (
          <>
            <h3 className="empty-state__subtitle">{t('places.willBeHere')}</h3>
            <ul className="empty-state__list">
              {features.map((item) => (
                <li key={String(item)}>{String(item)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </EmptyState>
    </>
  );
}
