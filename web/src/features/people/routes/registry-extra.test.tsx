// Rodiny › Hledat osoby, merging duplicate records (with undo) and the legal-hold flag.
import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';
import { districts, listReply, makeFamily, makeListItem, makePerson, teamsReply } from '@/testing/registry-fixtures';
import type { User } from '@/types/user';
import type { Merge, PersonListItem } from '../types';

// Generous waits: these tests render whole pages, which a loaded machine can take seconds to do.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });
const coordinator = makeUser({ id: 2, username: 'koordinator', role: 'coordinator' });

function row(overrides: Partial<PersonListItem> = {}): PersonListItem {
  return {
    id: 11,
    given_names: 'Jana',
    surname: 'Dvořáková',
    preferred_name: null,
    birth_date: '2019-05-10',
    role: 'child',
    family_id: 5,
    family_name: 'Dvořákovi',
    ...overrides,
  };
}

const duplicate = makePerson({
  id: 12,
  version: 1,
  family_id: 6,
  given_names: 'Jana',
  surname: 'Dvorakova',
  rodne_cislo: null,
  relationships: [],
  consents: [],
  participation: [],
});

function merge(overrides: Partial<Merge> = {}): Merge {
  return {
    id: 90,
    person_id: 11,
    duplicate_id: 12,
    merged_at: '2026-11-28T11:00:00Z',
    merged_by: 'koordinator',
    undo_until: '2026-12-28T11:00:00Z',
    undone_at: null,
    ...overrides,
  };
}

function base(user: User, extra = {}) {
  return {
    ...sessionRoutes(user),
    'GET /api/v1/districts': districts,
    'GET /api/v1/teams': teamsReply,
    'GET /api/v1/users': apiError(403, 'forbidden', 'Admins only.'),
    'GET /api/v1/families/5': json(makeFamily()),
    'GET /api/v1/families/6': json(makeFamily({ id: 6, name: 'Dvořákovi (2)' })),
    'GET /api/v1/people/11': json(makePerson()),
    'GET /api/v1/people/12': json(duplicate),
    ...extra,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Rodiny › Hledat osoby', () => {
  it('is a tab of Rodiny; searches on the server (q, sort, page) and links to person and family pages', async () => {
    const server = mockServer(
      base(worker, {
        'GET /api/v1/families': listReply([makeListItem()]),
        'GET /api/v1/people': (req: RecordedRequest) =>
          json({
            items: req.query.get('q') === 'dvorak' ? [row(), row({ id: 10, given_names: 'Marie', role: 'adult', birth_date: '1990-02-01' })] : [],
            total: req.query.get('q') === 'dvorak' ? 30 : 0,
            page: Number(req.query.get('page') ?? 1),
            page_size: 25,
          }),
      }),
    );
    const { user, router } = renderApp('/families');
    await screen.findByRole('heading', { level: 1, name: 'Rodiny' });
    const tabs = screen.getByRole('navigation', { name: 'Rodiny a osoby' });
    await user.click(within(tabs).getByRole('link', { name: 'Hledat osoby' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hledat osoby' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Zatím tu nikdo není' })).toBeTruthy();

    await user.type(screen.getByLabelText(/^Jméno nebo příjmení/), 'dvorak');
    await user.selectOptions(screen.getByLabelText('Řadit'), 'birth_date');
    await user.click(screen.getByRole('button', { name: 'Hledat' }));
    expect(await screen.findByText('Nalezeno 30 osob.')).toBeTruthy();
    const last = server.callsTo('GET /api/v1/people').at(-1)!;
    expect(last.query.get('q')).toBe('dvorak');
    expect(last.query.get('sort')).toBe('birth_date');
    expect(last.query.get('page_size')).toBe('25');
    expect(router.state.location.search).toBe('?q=dvorak&sort=birth_date');
    const table = screen.getByRole('table', { name: 'Nalezené osoby' });
    expect(within(table).getByRole('link', { name: 'Jana Dvořáková' }).getAttribute('href')).toBe('/people/11');
    expect(within(table).getAllByRole('link', { name: 'Dvořákovi' })[0]!.getAttribute('href')).toBe('/families/5');
    expect(within(table).getByText('1. 2. 1990')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Další/ }));
    await waitFor(() => expect(server.callsTo('GET /api/v1/people').at(-1)!.query.get('page')).toBe('2'));
    expect(router.state.location.search).toContain('page=2');
  });

  it('says when nobody matches and offers to clear the search', async () => {
    mockServer(base(worker, { 'GET /api/v1/people': json({ items: [], total: 0, page: 1, page_size: 25 }) }));
    const { user } = renderApp('/people?q=zzz');
    expect(await screen.findByRole('heading', { name: 'Nikdo neodpovídá hledání' })).toBeTruthy();
    expect(screen.getByText(/Pro „zzz“ jsme nikoho nenašli/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Zrušit hledání' }));
    expect(await screen.findByRole('heading', { name: 'Zatím tu nikdo není' })).toBeTruthy();
  });
});

describe('Sloučení duplicitních záznamů', () => {
  function mergeRoutes(extra = {}) {
    let merges: Merge[] = [];
    return {
      ...base(coordinator, {
        'GET /api/v1/people': json({ items: [row(), row({ id: 12, surname: 'Dvorakova', family_id: 6, family_name: 'Dvořákovi (2)' })], total: 2, page: 1, page_size: 20 }),
        'POST /api/v1/people/11/merge': () => {
          merges = [merge()];
          return json(makePerson({ version: 3, consents: [], relationships: [] }));
        },
        'GET /api/v1/merges': () => json({ items: merges }),
        'POST /api/v1/merges/90/undo': () => {
          merges = [merge({ undone_at: '2026-11-28T12:00:00Z' })];
          return json(merges[0]);
        },
        ...extra,
      }),
    };
  }

  it('from the person page: pick the other record, compare side by side, confirm, then undo', async () => {
    const server = mockServer(mergeRoutes());
    const { user } = renderApp('/people/11');
    await screen.findByRole('heading', { level: 1, name: 'Jana Dvořáková' });
    await user.click(screen.getByRole('link', { name: 'Sloučit s jiným záznamem' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sloučit s jiným záznamem' })).toBeTruthy();
    // The search starts with the surname; the record itself is not offered.
    const candidates = await screen.findByRole('table', { name: 'Záznamy, které lze sloučit' });
    expect(server.callsTo('GET /api/v1/people')[0]!.query.get('q')).toBe('Dvořáková');
    expect(within(candidates).getAllByRole('row')).toHaveLength(2);
    await user.click(within(candidates).getByRole('button', { name: 'Vybrat Jana Dvorakova' }));

    const compare = await screen.findByRole('table', { name: 'Porovnání ponechaného a slučovaného záznamu' });
    const surnameRow = within(compare).getByRole('row', { name: /Příjmení/ });
    expect(surnameRow.textContent).toContain('Dvořáková');
    expect(surnameRow.textContent).toContain('Dvorakova (liší se)');
    expect(within(compare).getByRole('row', { name: /Rodina/ }).textContent).toContain('Dvořákovi (2)');

    await user.click(screen.getByRole('button', { name: 'Sloučit záznamy' }));
    expect(screen.getByRole('heading', { name: 'Sloučit záznam Jana Dvorakova do záznamu Jana Dvořáková?' })).toBeTruthy();
    expect(screen.getByText(/Sloučení lze do 30 dnů vrátit/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ano, sloučit' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Záznamy byly sloučeny' })).toBeTruthy();
    expect(server.callsTo('POST /api/v1/people/11/merge')[0]!.body).toEqual({ duplicate_id: 12, version: 2 });
    expect(screen.getByText('Záznam Jana Dvorakova byl sloučen do záznamu Jana Dvořáková.')).toBeTruthy();
    expect(screen.getByText('1 záznam o účasti v projektu')).toBeTruthy();
    expect(await screen.findByText(/sloučení můžete vrátit do 28. 12. 2026 12:00/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Vrátit sloučení (možné 30 dní)' }));
    expect(await screen.findByText('Sloučení bylo vráceno')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/merges/90/undo')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Jana Dvorakova' }).getAttribute('href')).toBe('/people/12');
  });

  it('a stale version (409) reloads the record and asks to confirm again; a 422 names the reason', async () => {
    let answer = apiError(409, 'conflict', 'The person was changed meanwhile (version 3, not 2).');
    const server = mockServer(mergeRoutes({ 'POST /api/v1/people/11/merge': () => answer }));
    const { user } = renderApp('/people/11/merge?with=12');
    await screen.findByRole('table', { name: 'Porovnání ponechaného a slučovaného záznamu' });
    await user.click(screen.getByRole('button', { name: 'Sloučit záznamy' }));
    await user.click(screen.getByRole('button', { name: 'Ano, sloučit' }));
    expect(await screen.findByText('Záznam se mezitím změnil')).toBeTruthy();
    await waitFor(() => expect(server.callsTo('GET /api/v1/people/11').length).toBeGreaterThan(1));

    answer = apiError(422, 'validation_failed', 'Some fields are invalid.', [
      { field: 'duplicate_id', message: 'There is no such person (or it was merged already).' },
    ]);
    await user.click(screen.getByRole('button', { name: 'Sloučit záznamy' }));
    await user.click(screen.getByRole('button', { name: 'Ano, sloučit' }));
    expect(await screen.findByText('Tyto záznamy sloučit nelze')).toBeTruthy();
    expect(screen.getByText('There is no such person (or it was merged already).')).toBeTruthy();
  });

  it('lists recent merges with their undo deadline; an expired one cannot be undone; a 409 on undo is explained', async () => {
    const server = mockServer(
      base(coordinator, {
        'GET /api/v1/merges': json({
          items: [
            merge(),
            merge({ id: 80, person_id: 20, duplicate_id: 21, merged_at: '2026-10-01T08:00:00Z', undo_until: '2026-10-31T08:00:00Z' }),
            merge({ id: 70, person_id: 30, duplicate_id: 31, undone_at: '2026-11-02T09:00:00Z' }),
          ],
        }),
        'POST /api/v1/merges/90/undo': apiError(409, 'conflict', 'A merge can be undone for 30 days.'),
      }),
    );
    const { user } = renderApp('/people/merges');
    const table = await screen.findByRole('table', { name: 'Sloučení záznamů osob' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('lze vrátit');
    expect(rows[1]!.textContent).toContain('lhůta uplynula');
    expect(rows[2]!.textContent).toContain('vráceno 2. 11. 2026');
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    expect(within(rows[2]!).getByRole('link', { name: 'záznam č. 31' }).getAttribute('href')).toBe('/people/31');
    await user.click(within(rows[0]!).getByRole('button', { name: 'Vrátit (záznam č. 12)' }));
    expect(await screen.findByText('Sloučení už vrátit nelze')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/merges/90/undo')).toHaveLength(1);
  });

  it('names both records of a merge when the server sends their names', async () => {
    mockServer(
      base(coordinator, {
        'GET /api/v1/merges': json({
          items: [
            merge({ person_name: 'Jana Dvořáková', duplicate_name: 'Jana Dvorakova' }),
            merge({ id: 70, person_id: 30, duplicate_id: 31, undone_at: '2026-11-02T09:00:00Z', person_name: 'Eva Malá', duplicate_name: 'Eva Mala' }),
          ],
        }),
      }),
    );
    renderApp('/people/merges');
    const table = await screen.findByRole('table', { name: 'Sloučení záznamů osob' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('link', { name: 'Jana Dvořáková (č. 11)' }).getAttribute('href')).toBe('/people/11');
    expect(rows[0]!.textContent).toContain('Jana Dvorakova (č. 12)');
    expect(rows[0]!.textContent).not.toContain('záznam č.');
    expect(within(rows[0]!).getByRole('button', { name: 'Vrátit (Jana Dvorakova, č. 12)' })).toBeTruthy();
    expect(within(rows[1]!).getByRole('link', { name: 'Eva Mala (č. 31)' }).getAttribute('href')).toBe('/people/31');
  });

  it('is for coordinators only: a worker sees no merge link and the page says why', async () => {
    mockServer(base(worker));
    renderApp('/people/11');
    await screen.findByRole('heading', { level: 1, name: 'Jana Dvořáková' });
    expect(screen.queryByRole('link', { name: 'Sloučit s jiným záznamem' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Nastavit právní blokaci' })).toBeNull();
    cleanup();
    renderApp('/people/11/merge?with=12');
    expect(await screen.findByRole('heading', { name: 'Slučovat záznamy smí jen koordinátor nebo správce.' })).toBeTruthy();
  });
});

describe('Právní blokace', () => {
  it('a coordinator sets it on a person (PATCH with the version); the flag shows at the top', async () => {
    let held = false;
    const server = mockServer(
      base(coordinator, {
        'GET /api/v1/people/11': () => json(makePerson({ legal_hold: held, version: held ? 3 : 2 })),
        'PATCH /api/v1/people/11': () => {
          held = true;
          return json(makePerson({ legal_hold: true, version: 3 }));
        },
      }),
    );
    const { user } = renderApp('/people/11');
    await screen.findByRole('heading', { level: 1, name: 'Jana Dvořáková' });
    expect(screen.getByText('Osoba není pod právní blokací.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nastavit právní blokaci' }));
    expect(await screen.findByText('Právní blokace byla nastavena.')).toBeTruthy();
    expect(server.callsTo('PATCH /api/v1/people/11')[0]!.body).toEqual({ version: 2, legal_hold: true });
    expect(screen.getByText('Na osobě je právní blokace: nelze ji anonymizovat.')).toBeTruthy();
    expect(screen.getByText('právní blokace')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zrušit právní blokaci' })).toBeTruthy();
  });

  it('says so when the server answers 200 but did not store the flag', async () => {
    mockServer(base(coordinator, { 'PATCH /api/v1/people/11': json(makePerson({ legal_hold: false, version: 3 })) }));
    const { user } = renderApp('/people/11');
    await screen.findByRole('heading', { level: 1, name: 'Jana Dvořáková' });
    await user.click(screen.getByRole('button', { name: 'Nastavit právní blokaci' }));
    expect(await screen.findByText('Právní blokaci se nepodařilo uložit')).toBeTruthy();
    expect(screen.queryByText('Právní blokace byla nastavena.')).toBeNull();
  });

  it('a stale version (409) reloads the record and says so', async () => {
    const server = mockServer(
      base(coordinator, { 'PATCH /api/v1/people/11': apiError(409, 'conflict', 'Stale version.', undefined, { current: makePerson({ version: 5 }) }) }),
    );
    const { user } = renderApp('/people/11');
    await screen.findByRole('heading', { level: 1, name: 'Jana Dvořáková' });
    await user.click(screen.getByRole('button', { name: 'Nastavit právní blokaci' }));
    expect(await screen.findByText('Záznam se mezitím změnil')).toBeTruthy();
    await waitFor(() => expect(server.callsTo('GET /api/v1/people/11').length).toBeGreaterThan(1));
  });

  it('on the family edit page (coordinator) it is lifted with the family version; a worker does not see it', async () => {
    const server = mockServer(
      base(coordinator, {
        'GET /api/v1/families/5': json(makeFamily({ legal_hold: true })),
        'PATCH /api/v1/families/5': json(makeFamily({ legal_hold: false, version: 4 })),
      }),
    );
    const { user } = renderApp('/families/5/edit');
    expect(await screen.findByText('Na rodině je právní blokace: její členy nelze anonymizovat.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Zrušit právní blokaci' }));
    expect(await screen.findByText('Právní blokace byla zrušena.')).toBeTruthy();
    expect(server.callsTo('PATCH /api/v1/families/5')[0]!.body).toEqual({ version: 3, legal_hold: false });
  });

  it('shows the family flag on the family page, and no switch for a worker', async () => {
    mockServer(base(worker, { 'GET /api/v1/families/5': json(makeFamily({ legal_hold: true })), 'GET /api/v1/families/5/timeline': json({ items: [] }) }));
    const { router } = renderApp('/families/5');
    await screen.findByRole('heading', { level: 1, name: 'Rodina Dvořákovi' });
    expect(screen.getByText('právní blokace')).toBeTruthy();
    await router.navigate('/families/5/edit');
    await screen.findByRole('heading', { level: 1, name: /Dvořákovi/ });
    expect(screen.queryByRole('button', { name: /právní blokaci/ })).toBeNull();
  });
});
