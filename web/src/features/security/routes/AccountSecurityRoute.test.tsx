import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { CSRF, apiError, json, makeUser, mockServer, noContent, sessionRoutes } from '@/testing/mock-server';

const CODES = Array.from({ length: 10 }, (_, i) => `AAAA-BBBB-CCCC-DDD${'234567ABCD'[i]}`);

describe('login with a second factor', () => {
  it('asks for the code after the password and opens the session only then', async () => {
    const server = mockServer({
      ...sessionRoutes(null),
      'POST /api/v1/auth/login': json({ second_factor_required: true, challenge: 'ch-1', methods: ['totp'] }, 202),
      'POST /api/v1/auth/login/second-factor': json({ user: makeUser({ username: 'terenni', role: 'worker' }), csrf_token: CSRF }),
    });
    const { user, router } = renderApp('/families');
    await user.type(await screen.findByLabelText('Uživatelské jméno'), 'terenni');
    await user.type(screen.getByLabelText('Heslo'), 'Demo-heslo-2026');
    await user.click(screen.getByRole('button', { name: 'Přihlásit se' }));
    expect(await screen.findByRole('heading', { name: 'Ověřovací kód' })).toBeTruthy();
    await user.type(screen.getByLabelText('Kód'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Ověřit' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rodiny' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/families');
    expect(server.callsTo('POST /api/v1/auth/login/second-factor')[0]?.body).toEqual({ challenge: 'ch-1', code: '123 456' });
  });

  it('shows a wrong code, checks the format first, and goes back to the password', async () => {
    const server = mockServer({
      ...sessionRoutes(null),
      'POST /api/v1/auth/login': json({ second_factor_required: true, challenge: 'ch-2', methods: ['totp'] }, 202),
      'POST /api/v1/auth/login/second-factor': apiError(401, 'unauthenticated', 'The code is not right.', [
        { field: 'code', message: 'The code is not right.' },
      ]),
    });
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Uživatelské jméno'), 'admin');
    await user.type(screen.getByLabelText('Heslo'), 'Demo-heslo-2026');
    await user.click(screen.getByRole('button', { name: 'Přihlásit se' }));
    await user.type(await screen.findByLabelText('Kód'), '12');
    await user.click(screen.getByRole('button', { name: 'Ověřit' }));
    expect(await screen.findByText('Zadejte šest číslic nebo záložní kód ve tvaru XXXX-XXXX-XXXX-XXXX.')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/auth/login/second-factor')).toHaveLength(0);
    await user.clear(screen.getByLabelText('Kód'));
    await user.type(screen.getByLabelText('Kód'), '654321');
    await user.click(screen.getByRole('button', { name: 'Ověřit' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Kód nebyl přijat')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Zpět na jméno a heslo' }));
    expect(await screen.findByLabelText('Heslo')).toBeTruthy();
  });
});

describe('account › two-step verification', () => {
  it('enrols: shows the secret and URI, confirms with a code, shows the recovery codes once', async () => {
    let enabled = false;
    const server = mockServer({
      ...sessionRoutes(makeUser({ username: 'terenni', role: 'worker' })),
      'GET /api/v1/auth/totp': () =>
        json({ enabled, pending: false, recovery_codes_left: enabled ? 10 : 0, required: false }),
      'POST /api/v1/auth/totp/enrol': json(
        { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/KREDO:terenni?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
        201,
      ),
      'POST /api/v1/auth/totp/confirm': () => {
        enabled = true;
        return json({ recovery_codes: CODES });
      },
    });
    const { user } = renderApp('/account/security');
    expect(await screen.findByRole('heading', { name: 'Dvoufázové ověření je vypnuté' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nastavit ověřovací aplikaci' }));
    expect((await screen.findByTestId('totp-secret')).textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(screen.getByText(/^otpauth:\/\/totp\/KREDO:terenni/)).toBeTruthy();
    await user.type(screen.getByLabelText('Kód'), '123456');
    await user.click(screen.getByRole('button', { name: 'Potvrdit a zapnout' }));
    expect(await screen.findByText('Tyto kódy uvidíte jen teď.')).toBeTruthy();
    expect(screen.getAllByRole('listitem').filter((li) => li.textContent?.startsWith('AAAA-'))).toHaveLength(10);
    expect(server.callsTo('POST /api/v1/auth/totp/confirm')[0]?.headers.get('X-CSRF-Token')).toBe(CSRF);
    await user.click(screen.getByRole('button', { name: 'Kódy mám uložené' }));
    expect(await screen.findByRole('heading', { name: 'Dvoufázové ověření je zapnuté' })).toBeTruthy();
    expect(screen.getByText('Zbývá vám 10 nepoužitých záložních kódů.')).toBeTruthy();
    expect(screen.queryByText('AAAA-BBBB-CCCC-DDD2')).toBeNull();
  });

  it('turns off with a code and shows a wrong code at the field', async () => {
    let disabled = false;
    mockServer({
      ...sessionRoutes(makeUser({ username: 'terenni', role: 'worker' })),
      'GET /api/v1/auth/totp': () =>
        json({ enabled: !disabled, pending: false, recovery_codes_left: 3, required: false }),
      'POST /api/v1/auth/totp/disable': (req) => {
        if ((req.body as { code: string }).code !== '111111')
          return apiError(422, 'validation_failed', 'Check the fields.', [{ field: 'code', message: 'The code is not right.' }]);
        disabled = true;
        return noContent();
      },
    });
    const { user } = renderApp('/account/security');
    expect(await screen.findByText('Zbývají vám 3 nepoužité záložní kódy.')).toBeTruthy();
    const turnOff = screen.getByRole('button', { name: 'Vypnout dvoufázové ověření' });
    const form = turnOff.closest('form') as HTMLFormElement;
    await user.type(within(form).getByLabelText('Kód'), '222222');
    await user.click(turnOff);
    expect(await within(form).findByText('The code is not right.')).toBeTruthy();
    await user.clear(within(form).getByLabelText('Kód'));
    await user.type(within(form).getByLabelText('Kód'), '111111');
    await user.click(turnOff);
    expect(await screen.findByText('Dvoufázové ověření je vypnuté.')).toBeTruthy();
  });

  it('sends a coordinator who must enrol to this page from anywhere', async () => {
    mockServer({
      ...sessionRoutes(makeUser({ username: 'koordinator', role: 'coordinator' })),
      'GET /api/v1/auth/totp': json({ enabled: false, pending: false, recovery_codes_left: 0, required: true }),
    });
    const { router } = renderApp('/families');
    expect(await screen.findByText('Dvoufázové ověření je pro vaši roli povinné')).toBeTruthy();
    await waitFor(() => expect(router.state.location.pathname).toBe('/account/security'));
  });

  it('lets an admin require it for staff', async () => {
    let on = false;
    const server = mockServer({
      ...sessionRoutes(makeUser()),
      'GET /api/v1/settings/security': () => json({ require_totp_for_staff: on }),
      'PUT /api/v1/settings/security': (req) => {
        on = (req.body as { require_totp_for_staff: boolean }).require_totp_for_staff;
        return json({ require_totp_for_staff: on });
      },
    });
    const { user } = renderApp('/account/security');
    await user.click(await screen.findByRole('button', { name: 'Vyžadovat pro administrátory a koordinátory' }));
    expect(await screen.findByRole('button', { name: 'Přestat vyžadovat' })).toBeTruthy();
    expect(server.callsTo('PUT /api/v1/settings/security')[0]?.body).toEqual({ require_totp_for_staff: true });
  });
});
