// The second factor (TOTP, RFC 6238): status, enrolment (begin -> secret + otpauth URI; confirm
// with a first code -> ten recovery codes, shown once), turning it off, new recovery codes, the
// second login step, and the admin setting that makes it compulsory for admins and coordinators.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, apiRequestNoContent } from '@/lib/api-client';
import { setCsrfToken } from '@/lib/csrf';
import { meQueryKey } from '@/lib/query-client';
import { sessionSchema } from '@/features/auth/api/get-me';
import type { User } from '@/types/user';

export const totpStatusSchema = z.object({
  enabled: z.boolean(),
  pending: z.boolean(),
  recovery_codes_left: z.number(),
  required: z.boolean(),
});
export type TotpStatus = z.infer<typeof totpStatusSchema>;

export const totpQueryKey = ['auth', 'totp'] as const;

export function useTotpStatus(enabled = true) {
  return useQuery({
    queryKey: totpQueryKey,
    queryFn: () => apiRequest('/auth/totp', totpStatusSchema),
    enabled,
  });
}

const enrolmentSchema = z.object({ secret: z.string(), otpauth_uri: z.string() });
export type TotpEnrolment = z.infer<typeof enrolmentSchema>;

export function useBeginEnrolment() {
  return useMutation({
    mutationFn: () => apiRequest('/auth/totp/enrol', enrolmentSchema, { method: 'POST', body: {} }),
  });
}

const recoveryCodesSchema = z.object({ recovery_codes: z.array(z.string()) });

// Six digits from the app, or a recovery code (XXXX-XXXX-XXXX-XXXX).
export const codeInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .regex(/^(\d{3} ?\d{3}|[A-Za-z2-7]{4}-?[A-Za-z2-7]{4}-?[A-Za-z2-7]{4}-?[A-Za-z2-7]{4})$/, 'security.codeFormat'),
});
export type CodeInput = z.infer<typeof codeInputSchema>;

function useInvalidateTotp() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: totpQueryKey });
}

export function useConfirmEnrolment() {
  const invalidate = useInvalidateTotp();
  return useMutation({
    mutationFn: (input: CodeInput) =>
      apiRequest('/auth/totp/confirm', recoveryCodesSchema, { method: 'POST', body: { code: input.code } }),
    onSuccess: () => void invalidate(),
  });
}

export function useDisableTotp() {
  const invalidate = useInvalidateTotp();
  return useMutation({
    mutationFn: (input: CodeInput) =>
      apiRequestNoContent('/auth/totp/disable', { method: 'POST', body: { code: input.code } }),
    onSuccess: () => void invalidate(),
  });
}

export function useRegenerateRecoveryCodes() {
  const invalidate = useInvalidateTotp();
  return useMutation({
    mutationFn: (input: CodeInput) =>
      apiRequest('/auth/totp/recovery-codes', recoveryCodesSchema, { method: 'POST', body: { code: input.code } }),
    onSuccess: () => void invalidate(),
  });
}

export async function loginSecondFactor(input: { challenge: string; code: string }): Promise<User> {
  const session = await apiRequest('/auth/login/second-factor', sessionSchema, { method: 'POST', body: input });
  setCsrfToken(session.csrf_token);
  return session.user;
}

export function useLoginSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loginSecondFactor,
    meta: { login: true },
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}

const securitySettingsSchema = z.object({ require_totp_for_staff: z.boolean() });
const securitySettingsKey = ['settings', 'security'] as const;

export function useSecuritySettings(enabled: boolean) {
  return useQuery({
    queryKey: securitySettingsKey,
    queryFn: () => apiRequest('/settings/security', securitySettingsSchema),
    enabled,
  });
}

export function useSetSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { require_totp_for_staff: boolean }) =>
      apiRequest('/settings/security', securitySettingsSchema, { method: 'PUT', body: input }),
    onSuccess: (data) => {
      queryClient.setQueryData(securitySettingsKey, data);
      void queryClient.invalidateQueries({ queryKey: totpQueryKey });
    },
  });
}
