// The User entity as the server sends it, and the account rules the server enforces
// (mirrored here so a form can say what is wrong before it is sent). Shared by auth and users.
import { z } from 'zod';

export const roles = ['admin', 'coordinator', 'worker', 'analyst'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: roleSchema,
  team: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  created_at: z.string(),
  last_login_at: z.string().nullable(),
});

export type User = z.infer<typeof userSchema>;

/** Passwords: at least 12 characters (counted as characters, not bytes), at most 256 bytes. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_BYTES = 256;

const utf8 = new TextEncoder();

export const newPasswordSchema = z
  .string()
  .refine((v) => Array.from(v).length >= PASSWORD_MIN_LENGTH, 'validation.passwordTooShort')
  .refine((v) => utf8.encode(v).length <= PASSWORD_MAX_BYTES, 'validation.passwordTooLong');

/** Usernames: 3 to 64 of a–z, A–Z, 0–9, '.', '_' and '-'. */
export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'validation.usernameLength')
  .max(64, 'validation.usernameLength')
  .regex(/^[A-Za-z0-9._-]+$/, 'validation.usernameChars');

export function passwordContainsUsername(password: string, username: string): boolean {
  return username !== '' && password.toLowerCase().includes(username.trim().toLowerCase());
}
