// PATCH /users/{id} (admin): role, team, active or a new password; the version sent back
// guards against overwriting someone else's edit (409 when it is stale).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { newPasswordSchema, roleSchema, userSchema, type User } from '@/types/user';
import { usersQueryKey, type UsersList } from './get-users';

export const editUserInputSchema = z
  .object({
    role: roleSchema,
    team: z.string(),
    active: z.boolean(),
    // Empty means "keep the password"; otherwise it is a reset to this value.
    password: z.string().superRefine((value, ctx) => {
      if (value === '') return;
      const result = newPasswordSchema.safeParse(value);
      if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    }),
  })
  .refine((v) => v.role !== 'worker' || v.team !== '', {
    path: ['team'],
    message: 'validation.teamRequiredForWorker',
  });
export type EditUserInput = z.infer<typeof editUserInputSchema>;

export type UpdateUserPatch = {
  version: number;
  role?: User['role'];
  team?: string | null;
  active?: boolean;
  password?: string;
};

/** Only what changed goes to the server, so a password reset alone does not rewrite the role. */
export function buildUserPatch(user: User, input: EditUserInput, version = user.version): UpdateUserPatch {
  const patch: UpdateUserPatch = { version };
  const team = input.team === '' ? null : input.team;
  if (input.role !== user.role) patch.role = input.role;
  if (team !== user.team) patch.team = team;
  if (input.active !== user.active) patch.active = input.active;
  if (input.password !== '') patch.password = input.password;
  return patch;
}

export function updateUser(id: number, patch: UpdateUserPatch): Promise<User> {
  return apiRequest(`/users/${id}`, userSchema, { method: 'PATCH', body: patch });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UpdateUserPatch }) => updateUser(id, patch),
    onSuccess: (user) => {
      queryClient.setQueryData<UsersList>(usersQueryKey, (list) =>
        list ? { ...list, items: list.items.map((u) => (u.id === user.id ? user : u)) } : list,
      );
      return queryClient.invalidateQueries({ queryKey: usersQueryKey });
    },
  });
}

/**
 * After a conflict: the fields this admin changed (relative to the version they started from)
 * laid over the version now saved, so "keep mine" does not undo someone else's other changes.
 */
export function mergeEdits(base: User, mine: EditUserInput, theirs: User): EditUserInput {
  const changed = buildUserPatch(base, mine);
  return {
    role: changed.role ?? theirs.role,
    team: changed.team !== undefined ? (changed.team ?? '') : (theirs.team ?? ''),
    active: changed.active ?? theirs.active,
    password: mine.password,
  };
}
