// An inline "are you sure?" that says what will happen and takes focus (its heading) when it opens,
// so a screen reader reads the consequence before the buttons.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './Button';

type ConfirmPanelProps = {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmPanel({ title, children, confirmLabel, cancelLabel, busy, danger, onConfirm, onCancel }: ConfirmPanelProps) {
  const headingId = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="confirm" role="group" aria-labelledby={headingId}>
      <h3 className="confirm__title" id={headingId} tabIndex={-1} ref={ref}>
        {title}
      </h3>
      {children}
      <div className="form__actions">
        <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
