// POST /users (admin): a new account; 409 when the username is taken, 422 with field errors.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { newPasswordSchema, passwordContainsUsername, roleSchema, userSchema, usernameSchema, type User } from '@/types/user';
import { usersQueryKey } from './get-users';

export const createUserInputSchema = z
  .object({
    username: usernameSchema,
    password: newPasswordSchema,
    role: roleSchema,
    // '' in the form means "no team"; the server wants null.
    team: z.string(),
  })
  .refine((v) => !passwordContainsUsername(v.password, v.username), {
    path: ['password'],
    message: 'validation.passwordContainsUsername',
  })
  .refine((v) => v.role !== 'worker' || v.team !== '', {
    path: ['team'],
    message: 'validation.teamRequiredForWorker',
  });
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export function createUser(input: CreateUserInput): Promise<User> {
  return apiRequest('/users', userSchema, {
    method: 'POST',
    body: {
      username: input.username,
      password: input.password,
      role: input.role,
      team: input.team === '' ? null : input.team,
    },
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
