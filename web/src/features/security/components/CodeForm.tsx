// One code field and a button: confirms an enrolment, turns the second factor off, or asks for
// new recovery codes. The server's field error ("code") is shown at the field.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { fieldErrorText } from '@/components/ui/field-error';
import { isApiError } from '@/lib/api-error';
import { codeInputSchema, type CodeInput } from '../api/totp';

type Props = {
  label: string;
  submit: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: CodeInput, done: () => void) => void;
  variant?: 'primary' | 'secondary' | 'danger';
};

export function CodeForm({ label, submit, busy, error, onSubmit, variant = 'primary' }: Props) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<CodeInput>({ resolver: zodResolver(codeInputSchema), defaultValues: { code: '' } });
  const serverField = isApiError(error) ? error.fields.find((f) => f.field === 'code')?.message : undefined;
  return (
    <form className="form form--narrow" noValidate onSubmit={handleSubmit((v) => onSubmit(v, () => reset()))}>
      {error && !serverField ? <ErrorAlert error={error} /> : null}
      <Field label={label} hint={t('security.codeHint')} error={fieldErrorText(errors.code, t) ?? serverField}>
        {(control) => (
          <input
            {...control}
            {...register('code')}
            className="input"
            type="text"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
          />
        )}
      </Field>
      <Button type="submit" busy={busy} variant={variant}>
        {submit}
      </Button>
    </form>
  );
}
