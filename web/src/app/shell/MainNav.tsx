// The list of places; the current one is marked by aria-current, a bar and bold text.
import { Link, NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '@/types/user';
import { placesFor } from '../places';

type MainNavProps = {
  role: Role;
  id: string;
  open: boolean;
  onNavigate: () => void;
};

export function MainNav({ role, id, open, onNavigate }: MainNavProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return (
    <nav id={id} className={['main-nav', open ? 'main-nav--open' : null].filter(Boolean).join(' ')} aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {placesFor(role).map((place) => (
          <li key={place.key}>
            {place.also?.some(under) ? (
              // A path that belongs to this place without being under its address (incidents under Školy).
              <Link to={place.path} className="main-nav__link" aria-current="page" onClick={onNavigate}>
                {t(`places.${place.key}.name`)}
              </Link>
            ) : (
              <NavLink to={place.path} className="main-nav__link" onClick={onNavigate}>
                {t(`places.${place.key}.name`)}
              </NavLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
