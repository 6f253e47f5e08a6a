import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { CSRF, apiError, makeUser, mockServer, noContent, sessionRoutes } from '@/testing/mock-server';

function errorFor(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((el) => el?.className === 'field__error')?.textContent ?? null;
}

describe('change password', () => {
  async function fillAndSubmit(user: ReturnType<typeof renderApp>['user'], current: string, next: string, again = next) {
    await user.type(await screen.findByLabelText(/Současné heslo/), current);
    await user.type(screen.getByLabelText(/^Nové heslo \(/), next);
    await user.type(screen.getByLabelText(/Nové heslo znovu/), again);
    await user.click(screen.getByRole('button', { name: 'Změnit heslo' }));
  }

  it('sends current and new password with the CSRF token and confirms', async () => {
    const server = mockServer({ ...sessionRoutes(makeUser()), 'POST /api/v1/auth/password': noContent() });
    const { user } = renderApp('/account/password');
    await fillAndSubmit(user, 'Demo-heslo-2026', 'Nove-heslo-na-zimu');
    expect(await screen.findByText('Heslo bylo změněno.')).toBeTruthy();
    const call = server.callsTo('POST /api/v1/auth/password')[0];
    expect(call?.body).toEqual({ current_password: 'Demo-heslo-2026', new_password: 'Nove-heslo-na-zimu' });
    expect(call?.headers.get('X-CSRF-Token')).toBe(CSRF);
    expect((screen.getByLabelText(/Současné heslo/) as HTMLInputElement).value).toBe('');
  });

  it('shows a wrong current password (422) at that field', async () => {
    mockServer({
      ...sessionRoutes(makeUser()),
      'POST /api/v1/auth/password': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'current_password', message: 'The current password is wrong.' },
      ]),
    });
    const { user } = renderApp('/account/password');
    await fillAndSubmit(user, 'spatne-heslo', 'Nove-heslo-na-zimu');
    await waitFor(() => expect(errorFor(screen.getByLabelText(/Současné heslo/))).toBe('Chyba: The current password is wrong.'));
    expect(screen.queryByText('Heslo bylo změněno.')).toBeNull();
  });

  it('catches a short or mistyped new password before sending', async () => {
    const server = mockServer(sessionRoutes(makeUser()));
    const { user } = renderApp('/account/password');
    await fillAndSubmit(user, 'Demo-heslo-2026', 'kratke', 'jine');
    expect(errorFor(screen.getByLabelText(/^Nové heslo \(/))).toBe('Chyba: Heslo musí mít alespoň 12 znaků.');
    expect(errorFor(screen.getByLabelText(/Nové heslo znovu/))).toContain('Hesla se neshodují');
    expect(server.callsTo('POST /api/v1/auth/password')).toHaveLength(0);
  });

  it('counts characters, not bytes: 12 Czech letters are enough', async () => {
    const server = mockServer({ ...sessionRoutes(makeUser()), 'POST /api/v1/auth/password': noContent() });
    const { user } = renderApp('/account/password');
    await fillAndSubmit(user, 'Demo-heslo-2026', 'žluťoučkýkůň');
    await screen.findByText('Heslo bylo změněno.');
    expect(server.callsTo('POST /api/v1/auth/password')).toHaveLength(1);
  });
});
