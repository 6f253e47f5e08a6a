import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';
import type { User } from '@/types/user';

const admin = makeUser({ last_login_at: '2026-11-28T20:05:00Z' });
const terenni = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever', version: 2 });
const cernik = makeUser({ id: 4, username: 'cernik', role: 'analyst', active: false });
const teams = json({ items: [{ id: 1, name: 'Sever' }, { id: 2, name: 'Střed' }] });

function usersRoutes(users: User[]) {
  return {
    ...sessionRoutes(admin),
    'GET /api/v1/users': json({ items: users, total: users.length }),
    'GET /api/v1/teams': teams,
  };
}

function errorFor(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const texts = ids.map((id) => document.getElementById(id)).filter((el) => el?.className === 'field__error');
  return texts[0]?.textContent ?? null;
}

describe('Správa › Uživatelé', () => {
  it('lists users sorted, with Czech roles, status in words and Czech dates', async () => {
    mockServer(usersRoutes([terenni, admin, cernik]));
    renderApp('/admin/users');
    const table = await screen.findByRole('table', { name: 'Seznam uživatelů' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['admin', 'cernik', 'terenni']);
    expect(within(rows[0]!).getByText('Správce')).toBeTruthy();
    expect(within(rows[0]!).getByText('28. 11. 2026 21:05')).toBeTruthy();
    expect(within(rows[1]!).getByText('Neaktivní')).toBeTruthy();
    expect(within(rows[2]!).getByText('Terénní pracovník')).toBeTruthy();
    expect(within(rows[2]!).getByText('Sever')).toBeTruthy();
    expect(screen.getByText('3 uživatelé')).toBeTruthy();
  });
});

describe('Správa › Nový uživatel', () => {
  async function fill(user: ReturnType<typeof renderApp>['user'], values: { username: string; password: string; role?: string; team?: string }) {
    await user.type(await screen.findByLabelText(/Uživatelské jméno/), values.username);
    await user.type(screen.getByLabelText(/^Heslo/), values.password);
    if (values.role) await user.selectOptions(screen.getByLabelText(/^Role/), values.role);
    await waitFor(() => expect(screen.getByRole('option', { name: 'Sever' })).toBeTruthy());
    if (values.team !== undefined) await user.selectOptions(screen.getByLabelText(/^Tým/), values.team);
  }

  it('refuses a password under 12 characters before sending it', async () => {
    const server = mockServer(usersRoutes([admin]));
    const { user } = renderApp('/admin/users/new');
    await fill(user, { username: 'novak', password: 'kratke', team: 'Sever' });
    await user.click(screen.getByRole('button', { name: 'Vytvořit uživatele' }));
    expect(errorFor(screen.getByLabelText(/^Heslo/))).toBe('Chyba: Heslo musí mít alespoň 12 znaků.');
    expect(server.callsTo('POST /api/v1/users')).toHaveLength(0);
  });

  it('shows server field errors (422) next to the fields they name, keeping what was typed', async () => {
    mockServer({
      ...usersRoutes([admin]),
      'POST /api/v1/users': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'password', message: 'This password is too common; choose another.' },
        { field: 'username', message: 'The username must have 3 to 64 characters.' },
      ]),
    });
    const { user } = renderApp('/admin/users/new');
    await fill(user, { username: 'novak', password: 'password1234', role: 'analyst', team: '' });
    await user.click(screen.getByRole('button', { name: 'Vytvořit uživatele' }));
    await waitFor(() => expect(errorFor(screen.getByLabelText(/^Heslo/))).toBe('Chyba: This password is too common; choose another.'));
    expect(errorFor(screen.getByLabelText(/Uživatelské jméno/))).toBe('Chyba: The username must have 3 to 64 characters.');
    expect((screen.getByLabelText(/Uživatelské jméno/) as HTMLInputElement).value).toBe('novak');
    expect(screen.getByRole('alert').textContent).toContain('Opravte prosím pole označená chybou');
  });

  it('says clearly when the username is taken (409)', async () => {
    mockServer({
      ...usersRoutes([admin]),
      'POST /api/v1/users': apiError(409, 'conflict', "The username 'admin' is already taken.", [
        { field: 'username', message: 'This username is already taken.' },
      ]),
    });
    const { user } = renderApp('/admin/users/new');
    await fill(user, { username: 'admin', password: 'Dlouhe-heslo-2026', role: 'coordinator' });
    await user.click(screen.getByRole('button', { name: 'Vytvořit uživatele' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Uživatel s tímto jménem už existuje')).toBeTruthy();
    expect(within(alert).getByText("The username 'admin' is already taken.")).toBeTruthy();
    expect(errorFor(screen.getByLabelText(/Uživatelské jméno/))).toBe('Chyba: This username is already taken.');
  });

  it('creates the user and returns to the list with a confirmation', async () => {
    const created = makeUser({ id: 9, username: 'novak', role: 'worker', team: 'Střed' });
    let users = [admin];
    const server = mockServer({
      ...sessionRoutes(admin),
      'GET /api/v1/teams': teams,
      'GET /api/v1/users': () => json({ items: users, total: users.length }),
      'POST /api/v1/users': () => {
        users = [admin, created];
        return json(created, 201);
      },
    });
    const { user, router } = renderApp('/admin/users/new');
    await fill(user, { username: 'novak', password: 'Dlouhe-heslo-2026', role: 'worker', team: 'Střed' });
    await user.click(screen.getByRole('button', { name: 'Vytvořit uživatele' }));
    expect(await screen.findByText('Uživatel novak byl vytvořen.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/users');
    expect(server.callsTo('POST /api/v1/users')[0]?.body).toEqual({
      username: 'novak',
      password: 'Dlouhe-heslo-2026',
      role: 'worker',
      team: 'Střed',
    });
    expect(await screen.findByRole('rowheader', { name: 'novak' })).toBeTruthy();
  });
});

describe('Správa › úprava uživatele', () => {
  it('sends only what changed, with the version', async () => {
    const server = mockServer({
      ...usersRoutes([admin, terenni]),
      'PATCH /api/v1/users/3': (req: RecordedRequest) => json({ ...terenni, ...(req.body as object), version: 3 }),
    });
    const { user } = renderApp('/admin/users/3');
    await screen.findByRole('heading', { level: 1, name: 'Uživatel terenni' });
    await waitFor(() => expect(screen.getByRole('option', { name: 'Střed' })).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('Tým'), 'Střed');
    await user.type(screen.getByLabelText('Nové heslo'), 'Nove-dlouhe-heslo');
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));
    expect(await screen.findByText('Změny byly uloženy.')).toBeTruthy();
    expect(server.callsTo('PATCH /api/v1/users/3')[0]?.body).toEqual({ version: 2, team: 'Střed', password: 'Nove-dlouhe-heslo' });
    expect((screen.getByLabelText('Nové heslo') as HTMLInputElement).value).toBe('');
  });

  it('deactivates a user', async () => {
    const server = mockServer({
      ...usersRoutes([admin, terenni]),
      'PATCH /api/v1/users/3': json({ ...terenni, active: false, version: 3 }),
    });
    const { user } = renderApp('/admin/users/3');
    await user.click(await screen.findByLabelText('Účet je aktivní'));
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));
    await screen.findByText('Změny byly uloženy.');
    expect(server.callsTo('PATCH /api/v1/users/3')[0]?.body).toEqual({ version: 2, active: false });
  });

  it('on a stale version (409) shows both versions and can save mine against the new one', async () => {
    const theirs = { ...terenni, role: 'coordinator' as const, version: 3 };
    let listed: User[] = [admin, terenni];
    const server = mockServer({
      ...sessionRoutes(admin),
      'GET /api/v1/teams': teams,
      'GET /api/v1/users': () => json({ items: listed, total: listed.length }),
      'PATCH /api/v1/users/3': (req: RecordedRequest) => {
        const body = req.body as { version: number };
        if (body.version !== 3) {
          listed = [admin, theirs];
          return apiError(409, 'conflict', 'This user was changed by someone else (version 3, yours 2). Reload and try again.');
        }
        return json({ ...theirs, ...(req.body as object), version: 4 });
      },
    });
    const { user } = renderApp('/admin/users/3');
    await screen.findByRole('heading', { level: 1, name: 'Uživatel terenni' });
    await user.click(screen.getByLabelText('Účet je aktivní'));
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Uživatele mezitím upravil někdo jiný')).toBeTruthy();
    const comparison = await within(alert).findByRole('table');
    // Their role change stays (I did not touch the role); my status change differs from theirs.
    const roleRow = within(comparison).getByRole('row', { name: /Role/ });
    expect(roleRow.textContent).toBe('RoleKoordinátorKoordinátor');
    const statusRow = within(comparison).getByRole('row', { name: /Stav/ });
    expect(statusRow.textContent).toBe('StavNeaktivní (liší se)Aktivní');

    await user.click(within(alert).getByRole('button', { name: 'Uložit mou úpravu' }));
    expect(await screen.findByText('Změny byly uloženy.')).toBeTruthy();
    const patches = server.callsTo('PATCH /api/v1/users/3').map((c) => c.body);
    // Only my change goes again, now against their version: their new role is not undone.
    expect(patches).toEqual([
      { version: 2, active: false },
      { version: 3, active: false },
    ]);
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('coordinator');
  });

  it('on a stale version can take the saved version instead', async () => {
    const theirs = { ...terenni, team: 'Střed', version: 3 };
    let listed: User[] = [admin, terenni];
    mockServer({
      ...sessionRoutes(admin),
      'GET /api/v1/teams': teams,
      'GET /api/v1/users': () => json({ items: listed, total: listed.length }),
      'PATCH /api/v1/users/3': () => {
        listed = [admin, theirs];
        return apiError(409, 'conflict', 'Changed by someone else.');
      },
    });
    const { user } = renderApp('/admin/users/3');
    await user.selectOptions(await screen.findByLabelText('Role'), 'analyst');
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));
    const alert = await screen.findByRole('alert');
    await user.click(await within(alert).findByRole('button', { name: 'Ponechat uloženou verzi' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('worker');
    expect((screen.getByLabelText('Tým') as HTMLSelectElement).value).toBe('Střed');
  });

  it('says so when the user does not exist', async () => {
    mockServer(usersRoutes([admin]));
    renderApp('/admin/users/77');
    expect(await screen.findByRole('heading', { name: 'Uživatel nebyl nalezen' })).toBeTruthy();
  });
});
