// Puts the server's 422 field errors next to the form fields they name.
// Returns the field errors no field of this form could show, so the caller can list them.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { SERVER_ERROR_TYPE } from '@/components/ui/field-error';
import { isApiError, type FieldError } from './api-error';

export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  formFields: readonly Path<T>[],
  /** Server field names that a differently named form field shows (e.g. "address.postal_code" → "postal_code"). */
  aliases: Readonly<Record<string, Path<T>>> = {},
): FieldError[] {
  if (!isApiError(error)) return [];
  const unplaced: FieldError[] = [];
  let focused = false;
  for (const fieldError of error.fields) {
    const name = aliases[fieldError.field] ?? formFields.find((f) => f === fieldError.field);
    if (name === undefined) {
      unplaced.push(fieldError);
      continue;
    }
    setError(name, { type: SERVER_ERROR_TYPE, message: fieldError.message }, { shouldFocus: !focused });
    focused = true;
  }
  return unplaced;
}
