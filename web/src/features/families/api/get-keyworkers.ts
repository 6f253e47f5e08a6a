// Whom a family can be assigned to. The registry API has no list of keyworkers for coordinators
// (GET /users is the admin's); until it has, the choice is: nobody, me, the present keyworker, and —
// when GET /users answers (admin) — every active worker and coordinator.
import { useQuery } from '@tanstack/react-query';
import { useMe } from '@/features/auth/api/get-me';
import { getUsers } from '@/features/users/api/get-users';
import type { Keyworker } from '../types';

export function useKeyworkerOptions(current: Keyworker | null): Keyworker[] {
  const me = useMe().data ?? null;
  const canList = me?.role === 'admin' || me?.role === 'coordinator';
  const users = useQuery({ queryKey: ['users'], queryFn: getUsers, enabled: canList, retry: false, staleTime: 5 * 60_000 });
  const options = new Map<number, Keyworker>();
  if (current) options.set(current.id, current);
  if (me && (me.role === 'worker' || me.role === 'coordinator')) options.set(me.id, { id: me.id, username: me.username });
  for (const u of users.data?.items ?? []) {
    if (u.active && (u.role === 'worker' || u.role === 'coordinator')) options.set(u.id, { id: u.id, username: u.username });
  }
  const collator = new Intl.Collator('cs');
  return [...options.values()].sort((a, b) => collator.compare(a.username, b.username));
}
