// The frame around every page after login: header (menu button, name, language, user),
// the navigation of places, and the page itself. On a phone the navigation folds away.
import { useEffect, useId, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import type { User } from '@/types/user';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

export function AppShell({ user }: { user: User }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navId = useId();
  const [navOpen, setNavOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new page's heading so screen readers
  // announce it and keyboard users start from the top of the content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('[data-page-title]');
    heading?.focus();
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="shell__header">
        <button
          type="button"
          className="shell__menu-button"
          aria-expanded={navOpen}
          aria-controls={navId}
          onClick={() => setNavOpen((v) => !v)}
        >
          <span className="shell__menu-icon" aria-hidden="true">
            {navOpen ? '✕' : '☰'}
          </span>
          <span className="shell__menu-label">{t('nav.menu')}</span>
        </button>
        <p className="shell__brand">
          <span className="shell__brand-name">{t('app.name')}</span>
          <span className="shell__brand-org">{t('app.organisation')}</span>
        </p>
        <div className="shell__tools">
          <LanguageSwitch />
          <UserMenu user={user} />
        </div>
      </header>
      <div className="shell__body">
        <MainNav role={user.role} id={navId} open={navOpen} onNavigate={() => setNavOpen(false)} />
        <main id="main" className="shell__main" ref={mainRef} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
