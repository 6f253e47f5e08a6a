// POST /auth/password: the logged-in user changes their own password.
// 422 names current_password (wrong) or new_password (too weak).
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequestNoContent } from '@/lib/api-client';
import { newPasswordSchema } from '@/types/user';

export const changePasswordInputSchema = z
  .object({
    current_password: z.string().min(1, 'validation.required'),
    new_password: newPasswordSchema,
    confirm_password: z.string().min(1, 'validation.required'),
  })
  .refine((v) => v.new_password === v.confirm_password, {
    path: ['confirm_password'],
    message: 'validation.passwordsDiffer',
  })
  .refine((v) => v.new_password !== v.current_password, {
    path: ['new_password'],
    message: 'validation.passwordSameAsCurrent',
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await apiRequestNoContent('/auth/password', {
    method: 'POST',
    body: { current_password: input.current_password, new_password: input.new_password },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
