import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { CSRF, apiError, json, makeUser, mockServer, sessionRoutes } from '@/testing/mock-server';

describe('login page', () => {
  it('is in Czech by default and sends a visitor without a session there', async () => {
    mockServer(sessionRoutes(null));
    const { router } = renderApp('/families');
    expect(await screen.findByRole('heading', { level: 1, name: 'Přihlášení' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByLabelText('Uživatelské jméno')).toBeTruthy();
    expect(screen.getByLabelText('Heslo')).toBeTruthy();
  });

  it('shows the server message for a wrong password, keeps the username and clears the password', async () => {
    const server = mockServer({
      ...sessionRoutes(null),
      'POST /api/v1/auth/login': apiError(401, 'unauthenticated', 'Wrong username or password.'),
    });
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Uživatelské jméno'), 'admin');
    await user.type(screen.getByLabelText('Heslo'), 'spatne-heslo');
    await user.click(screen.getByRole('button', { name: 'Přihlásit se' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Přihlášení se nepovedlo')).toBeTruthy();
    expect(within(alert).getByText('Wrong username or password.')).toBeTruthy();
    expect((screen.getByLabelText('Uživatelské jméno') as HTMLInputElement).value).toBe('admin');
    expect((screen.getByLabelText('Heslo') as HTMLInputElement).value).toBe('');
    expect(server.callsTo('POST /api/v1/auth/login')[0]?.body).toEqual({ username: 'admin', password: 'spatne-heslo' });
  });

  it('explains a lock-out (429) and shows the server message', async () => {
    mockServer({
      ...sessionRoutes(null),
      'POST /api/v1/auth/login': apiError(429, 'rate_limited', 'Too many failed logins. Try again in 15 minutes.'),
    });
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Uživatelské jméno'), 'admin');
    await user.type(screen.getByLabelText('Heslo'), 'cokoli-dalsiho');
    await user.click(screen.getByRole('button', { name: 'Přihlásit se' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Přihlašování je dočasně zablokované')).toBeTruthy();
    expect(within(alert).getByText('Too many failed logins. Try again in 15 minutes.')).toBeTruthy();
  });

  it('says which fields are empty without calling the server', async () => {
    const server = mockServer(sessionRoutes(null));
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Přihlásit se' }));
    expect(await screen.findAllByText('Vyplňte prosím toto pole.')).toHaveLength(2);
    expect(screen.getByLabelText('Uživatelské jméno').getAttribute('aria-invalid')).toBe('true');
    expect(server.callsTo('POST /api/v1/auth/login')).toHaveLength(0);
  });

  it('logs in, opens the page first asked for, and uses the new CSRF token', async () => {
    const server = mockServer({
      ...sessionRoutes(null),
      'POST /api/v1/auth/login': json({ user: makeUser({ username: 'terenni', role: 'worker', team: 'Sever' }), csrf_token: CSRF }),
      'POST /api/v1/auth/logout': { status: 204 },
    });
    const { user, router } = renderApp('/families');
    await user.type(await screen.findByLabelText('Uživatelské jméno'), 'terenni');
    await user.type(screen.getByLabelText('Heslo'), 'Demo-heslo-2026');
    await user.click(screen.getByRole('button', { name: 'Přihlásit se' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Rodiny' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/families');
    // The login itself carries no token (there is none yet); the next unsafe call does.
    expect(server.callsTo('POST /api/v1/auth/login')[0]?.headers.get('X-CSRF-Token')).toBeNull();
    await user.click(screen.getByRole('button', { name: /terenni/ }));
    await user.click(screen.getByRole('button', { name: 'Odhlásit se' }));
    await waitFor(() => expect(server.callsTo('POST /api/v1/auth/logout')).toHaveLength(1));
    expect(server.callsTo('POST /api/v1/auth/logout')[0]?.headers.get('X-CSRF-Token')).toBe(CSRF);
  });

  it('switches to English', async () => {
    mockServer(sessionRoutes(null));
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(window.localStorage.getItem('kredo.language')).toBe('en');
  });
});
