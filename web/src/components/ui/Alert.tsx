// A message box. Errors are announced at once (role=alert), other tones politely (role=status).
// Each tone has its own icon and heading text, not only its own colour.
import type { ReactNode } from 'react';

type Tone = 'error' | 'success' | 'info' | 'warning';

const icons: Record<Tone, string> = { error: '!', success: '✓', info: 'i', warning: '!' };

type AlertProps = {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
};

export function Alert({ tone, title, children, className }: AlertProps) {
  return (
    <div
      className={['alert', `alert--${tone}`, className].filter(Boolean).join(' ')}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      <span className="alert__icon" aria-hidden="true">
        {icons[tone]}
      </span>
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
