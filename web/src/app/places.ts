// The places of KREDO in the order people find them in the navigation (see shared UI.md).
import type { Role } from '@/types/user';

export type PlaceKey =
  | 'today'
  | 'families'
  | 'activities'
  | 'enrollment'
  | 'schools'
  | 'reports'
  | 'analytics'
  | 'admin';

export type Place = {
  key: PlaceKey;
  path: string;
  /** Roles that see this place; undefined means everyone logged in. */
  roles?: readonly Role[];
  /** Other paths that belong to this place (marked current there too). */
  also?: readonly string[];
};

export const places: readonly Place[] = [
  { key: 'today', path: '/today' },
  { key: 'families', path: '/families' },
  { key: 'activities', path: '/activities' },
  { key: 'enrollment', path: '/enrollment' },
  { key: 'schools', path: '/schools', also: ['/incidents'] },
  { key: 'reports', path: '/reports' },
  { key: 'analytics', path: '/analytics' },
  { key: 'admin', path: '/admin', roles: ['admin'] },
];

export function placesFor(role: Role): Place[] {
  return places.filter((p) => !p.roles || p.roles.includes(role));
}

export const HOME_PATH = '/today';
