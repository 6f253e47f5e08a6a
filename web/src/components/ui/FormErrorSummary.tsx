// What a form says above its fields after a failed save: "fix the marked fields" when every server
// error found its field, otherwise the error itself with the field errors no field could show.
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldError } from '@/lib/api-error';
import { Alert } from './Alert';
import { ErrorAlert } from './ErrorAlert';

export function FormErrorSummary({ error, unplaced }: { error: unknown; unplaced: readonly FieldError[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const onlyFieldErrors = isApiError(error) && error.code === 'validation_failed' && error.fields.length > 0 && unplaced.length === 0;
  if (onlyFieldErrors) return <Alert tone="error" title={t('form.fixFields')} />;
  return (
    <ErrorAlert error={error}>
      {unplaced.length > 0 ? (
        <ul>
          {unplaced.map((f) => (
            <li key={f.field}>
              {f.field}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </ErrorAlert>
  );
}
