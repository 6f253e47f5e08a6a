// A labelled form control with its hint and its error, wired for screen readers
// (aria-describedby, aria-invalid). The error carries a text prefix, so colour is never the only sign.
import { useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type FieldControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
};

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Renders the control with the ids the label, hint and error need. */
  children: (control: FieldControlProps) => ReactElement;
  className?: string;
};

export function Field({ label, hint, error, required, children, className }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : null, className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? <span className="field__required"> ({t('form.required')})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="field__error-prefix">{t('form.errorPrefix')}</span> {error}
        </p>
      ) : null}
    </div>
  );
}
