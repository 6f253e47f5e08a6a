import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, noContent, sessionRoutes } from '@/testing/mock-server';

function navLabels(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Hlavní navigace' });
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

describe('app shell', () => {
  it('lists the places in order, Správa last and only for an admin', async () => {
    mockServer(sessionRoutes(makeUser()));
    renderApp('/today');
    await screen.findByRole('heading', { level: 1, name: 'Dnes' });
    expect(navLabels()).toEqual(['Dnes', 'Rodiny', 'Aktivity', 'Zápis', 'Školy', 'Výkazy', 'Analýzy', 'Správa']);
    expect(within(screen.getByRole('navigation', { name: 'Hlavní navigace' })).getByRole('link', { name: 'Dnes' }).getAttribute('aria-current')).toBe('page');
  });

  it('hides Správa from a field worker and refuses the admin pages', async () => {
    const server = mockServer(sessionRoutes(makeUser({ username: 'terenni', role: 'worker', team: 'Sever' })));
    renderApp('/admin/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bez oprávnění' })).toBeTruthy();
    expect(navLabels()).not.toContain('Správa');
    expect(server.callsTo('GET /api/v1/users')).toHaveLength(0);
  });

  it('switches the whole shell to English and remembers it', async () => {
    mockServer({
      ...sessionRoutes(makeUser()),
      'GET /api/v1/families': json({ items: [], total: 0, page: 1, page_size: 25 }),
      'GET /api/v1/districts': json({ items: [] }),
      'GET /api/v1/users': json({ items: [], total: 0 }),
    });
    const { user } = renderApp('/families');
    await screen.findByRole('heading', { level: 1, name: 'Rodiny' });
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Families' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'No families yet' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    expect(window.localStorage.getItem('kredo.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('starts in the language chosen before', async () => {
    window.localStorage.setItem('kredo.language', 'en');
    mockServer(sessionRoutes(makeUser()));
    renderApp('/schools');
    expect(await screen.findByRole('heading', { level: 1, name: 'Schools' })).toBeTruthy();
  });

  it('opens and closes the navigation on a phone with the menu button', async () => {
    mockServer(sessionRoutes(makeUser()));
    const { user } = renderApp('/today');
    const button = await screen.findByRole('button', { name: /Nabídka$/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const nav = screen.getByRole('navigation', { name: 'Hlavní navigace' });
    expect(nav.className).toContain('main-nav--open');
    await user.click(within(nav).getByRole('link', { name: 'Rodiny' }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('user menu shows name and role and logs out to the login page', async () => {
    const server = mockServer({ ...sessionRoutes(makeUser({ username: 'koordinator', role: 'coordinator' })), 'POST /api/v1/auth/logout': noContent() });
    const { user, router } = renderApp('/today');
    const menuButton = await screen.findByRole('button', { name: /koordinator/ });
    expect(menuButton.textContent).toContain('Koordinátor');
    await user.click(menuButton);
    expect(screen.getByRole('link', { name: 'Změnit heslo' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Odhlásit se' }));
    expect(await screen.findByText('Byli jste odhlášeni.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(server.callsTo('POST /api/v1/auth/logout')).toHaveLength(1);
  });

  it('goes back to the login page when the session has ended (401 on a call)', async () => {
    const server = mockServer({
      ...sessionRoutes(makeUser()),
      'GET /api/v1/users': apiError(401, 'unauthenticated', 'Your session has ended.'),
    });
    const { router } = renderApp('/admin/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Přihlášení' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(server.callsTo('GET /api/v1/users')).toHaveLength(1);
  });

  it('says when the session cannot be checked, and retries', async () => {
    const server = mockServer({ 'GET /api/v1/auth/me': apiError(503, 'unavailable', 'Database is busy.') });
    const { user } = renderApp('/today');
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(within(alert).getByText('Nepodařilo se ověřit přihlášení')).toBeTruthy();
    server.on('GET /api/v1/auth/me', json({ user: makeUser(), csrf_token: 'x' }));
    server.on('GET /api/v1/health', json({ status: 'ok', db: 'sqlite', schema_version: 1, version: '0.1.0' }));
    await user.click(within(alert).getByRole('button', { name: 'Zkusit znovu' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Dnes' })).toBeTruthy());
  });
});
