// Who is logged in (name and role) with "change password" and "log out".
// A disclosure button, not an ARIA menu: Tab moves through it, Escape closes it.
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '@/features/auth/api/logout';
import type { User } from '@/types/user';

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const onLogout = () => {
    logout.mutate(undefined, {
      onSettled: () => {
        setOpen(false);
        void navigate('/login', { replace: true, state: { loggedOut: true } });
      },
    });
  };

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="user-menu__name">{user.username}</span>
        <span className="user-menu__role">{t(`roles.${user.role}`)}</span>
        <span className="user-menu__chevron" aria-hidden="true">
          ▾
        </span>
        <span className="visually-hidden">{t('userMenu.open')}</span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__who">
          {t('userMenu.signedInAs', { username: user.username })}
          <br />
          <span className="user-menu__detail">
            {t(`roles.${user.role}`)}
            {user.team ? ` · ${t('userMenu.team', { team: user.team })}` : ''}
          </span>
        </p>
        <ul className="user-menu__list">
          <li>
            <Link to="/account/password" className="user-menu__item" onClick={() => setOpen(false)}>
              {t('userMenu.changePassword')}
            </Link>
          </li>
          <li>
            <Link to="/account/security" className="user-menu__item" onClick={() => setOpen(false)}>
              {t('security.menu')}
            </Link>
          </li>
          <li>
            <button type="button" className="user-menu__item" onClick={onLogout} disabled={logout.isPending}>
              {t('userMenu.logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
