import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';
import { districts, makeFamily, teamsReply } from '@/testing/registry-fixtures';

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });

function errorFor(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((el) => el?.className === 'field__error')?.textContent ?? null;
}

const base = {
  ...sessionRoutes(worker),
  'GET /api/v1/districts': districts,
  'GET /api/v1/teams': teamsReply,
  'GET /api/v1/families/5/timeline': json({ items: [] }),
};

describe('Rodiny › nová rodina', () => {
  it('creates a family in the worker own team with the worker as keyworker', async () => {
    const server = mockServer({
      ...base,
      'POST /api/v1/families': (req: RecordedRequest) => json({ ...makeFamily({ members: [] }), ...(req.body as object) }, 201),
      'GET /api/v1/families/5': json(makeFamily({ members: [] })),
    });
    const { user, router } = renderApp('/families/new');
    await user.type(await screen.findByLabelText(/^Rodina/), 'Dvořákovi');
    expect((screen.getByLabelText(/^Tým/) as HTMLSelectElement).value).toBe('Sever');
    expect((screen.getByLabelText(/^Klíčový pracovník/) as HTMLSelectElement).value).toBe('3');
    await user.type(screen.getByLabelText(/^Ulice/), 'Cejl');
    await user.type(screen.getByLabelText(/^Číslo domu/), '12');
    await user.selectOptions(screen.getByLabelText(/^Městská část/), 'brno-sever');
    await user.type(screen.getByLabelText(/^PSČ/), '602 00');
    await user.click(screen.getByRole('button', { name: 'Založit rodinu' }));
    expect(await screen.findByText('Rodina byla založena. Přidejte její členy.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/families/5');
    expect(server.callsTo('POST /api/v1/families')[0]?.body).toEqual({
      name: 'Dvořákovi',
      team: 'Sever',
      address: { street: 'Cejl', house_number: '12', district: 'brno-sever', postal_code: '602 00', kod_adm: null },
      keyworker_id: 3,
      status: 'active',
    });
    expect(screen.getByText(/Rodina zatím nemá žádné členy/)).toBeTruthy();
  });

  it('checks the postal code and district first, and puts server field errors (address.*) at their fields', async () => {
    const server = mockServer({
      ...base,
      'POST /api/v1/families': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'address.kod_adm', message: 'No such address place in Brno.' },
        { field: 'team', message: 'A worker may only create families in their own team.' },
      ]),
    });
    const { user } = renderApp('/families/new');
    await user.type(await screen.findByLabelText(/^Rodina/), 'Dvořákovi');
    await user.type(screen.getByLabelText(/^PSČ/), '6020');
    await user.click(screen.getByRole('button', { name: 'Založit rodinu' }));
    expect(errorFor(screen.getByLabelText(/^PSČ/))).toBe('Chyba: PSČ má 5 číslic, např. 602 00.');
    expect(errorFor(screen.getByLabelText(/^Městská část/))).toBe('Chyba: Vyberte městskou část.');
    expect(server.callsTo('POST /api/v1/families')).toHaveLength(0);

    await user.type(screen.getByLabelText(/^PSČ/), '0');
    await user.selectOptions(screen.getByLabelText(/^Městská část/), 'brno-stred');
    await user.type(screen.getByLabelText(/^Kód adresního místa/), '999');
    await user.click(screen.getByRole('button', { name: 'Založit rodinu' }));
    await waitFor(() => expect(errorFor(screen.getByLabelText(/^Kód adresního místa/))).toBe('Chyba: No such address place in Brno.'));
    expect(errorFor(screen.getByLabelText(/^Tým/))).toBe('Chyba: A worker may only create families in their own team.');
    expect((screen.getByLabelText(/^Rodina/) as HTMLInputElement).value).toBe('Dvořákovi');
    expect(screen.getByRole('alert').textContent).toContain('Opravte prosím pole označená chybou');
  });
});

describe('Rodiny › úprava rodiny', () => {
  it('closing needs a reason; only changed fields go, with the version', async () => {
    const server = mockServer({
      ...base,
      'GET /api/v1/families/5': json(makeFamily()),
      'PATCH /api/v1/families/5': (req: RecordedRequest) => json({ ...makeFamily(), ...(req.body as object), version: 4 }),
    });
    const { user, router } = renderApp('/families/5/edit');
    await user.selectOptions(await screen.findByLabelText(/^Stav/), 'closed');
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));
    expect(errorFor(screen.getByLabelText(/^Důvod uzavření/))).toBe('Chyba: Uzavřená rodina potřebuje důvod uzavření.');
    expect(server.callsTo('PATCH /api/v1/families/5')).toHaveLength(0);
    await user.type(screen.getByLabelText(/^Důvod uzavření/), 'Rodina se odstěhovala.');
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));
    expect(await screen.findByText('Změny rodiny byly uloženy.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/families/5');
    expect(server.callsTo('PATCH /api/v1/families/5')[0]?.body).toEqual({ version: 3, status: 'closed', closed_reason: 'Rodina se odstěhovala.' });
  });

  it('on a stale version (409) shows both versions from the answer and can save mine against the new one', async () => {
    const theirs = makeFamily({ version: 4, status: 'paused', address: { ...makeFamily().address, street: 'Bratislavská' } });
    const server = mockServer({
      ...base,
      'GET /api/v1/families/5': json(makeFamily()),
      'PATCH /api/v1/families/5': (req: RecordedRequest) => {
        const body = req.body as { version: number };
        if (body.version === 3) {
          return apiError(409, 'conflict', 'This family was changed by someone else.', undefined, { current: theirs });
        }
        return json({ ...theirs, ...(req.body as object), version: 5 });
      },
    });
    const { user } = renderApp('/families/5/edit');
    const name = await screen.findByLabelText(/^Rodina/);
    await user.clear(name);
    await user.type(name, 'Dvořákovi z Cejlu');
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Rodinu mezitím upravil někdo jiný')).toBeTruthy();
    const table = within(alert).getByRole('table');
    expect(within(table).getByRole('row', { name: /^Rodina/ }).textContent).toBe('RodinaDvořákovi z Cejlu (liší se)Dvořákovi');
    expect(within(table).getByRole('row', { name: /^Stav/ }).textContent).toBe('StavPozastavenáPozastavená');
    expect(within(table).getByRole('row', { name: /^Adresa/ }).textContent).toContain('Bratislavská');
    await user.click(within(alert).getByRole('button', { name: 'Uložit mou úpravu' }));
    expect(await screen.findByText('Změny rodiny byly uloženy.')).toBeTruthy();
    expect(server.callsTo('PATCH /api/v1/families/5').map((c) => c.body)).toEqual([
      { version: 3, name: 'Dvořákovi z Cejlu' },
      { version: 4, name: 'Dvořákovi z Cejlu' },
    ]);
  });

  it('on a stale version can keep the saved one instead', async () => {
    const theirs = makeFamily({ version: 4, status: 'paused' });
    mockServer({
      ...base,
      'GET /api/v1/families/5': json(makeFamily()),
      'PATCH /api/v1/families/5': apiError(409, 'conflict', 'Changed by someone else.', undefined, { current: theirs }),
    });
    const { user } = renderApp('/families/5/edit');
    await user.type(await screen.findByLabelText(/^Ulice/), ' 5');
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Ponechat uloženou verzi' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((screen.getByLabelText(/^Ulice/) as HTMLInputElement).value).toBe('Cejl');
    expect((screen.getByLabelText(/^Stav/) as HTMLSelectElement).value).toBe('paused');
  });
});
