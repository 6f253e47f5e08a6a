// Client-side (zod) messages are i18n keys; server field messages are shown as the server wrote them.
import type { FieldError } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { PASSWORD_MIN_LENGTH } from '@/types/user';

export const SERVER_ERROR_TYPE = 'server';

export function fieldErrorText(error: FieldError | undefined, t: TFunction): string | undefined {
  if (!error?.message) return undefined;
  if (error.type === SERVER_ERROR_TYPE) return error.message;
  return t(error.message, { defaultValue: error.message, passwordMin: PASSWORD_MIN_LENGTH });
}
