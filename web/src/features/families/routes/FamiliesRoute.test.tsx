import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, makeUser, mockServer, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';
import { districts, listReply, makeListItem } from '@/testing/registry-fixtures';

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });

describe('Rodiny › seznam', () => {
  it('lists families with district names, status in words, members and Czech dates', async () => {
    mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/districts': districts,
      'GET /api/v1/families': listReply([
        makeListItem(),
        makeListItem({ id: 6, name: 'Šťastní', district: 'brno-stred', status: 'closed', keyworker: null, members_count: 5, children_count: 3 }),
      ]),
    });
    renderApp('/families');
    const table = await screen.findByRole('table', { name: 'Nalezené rodiny' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Dvořákovi' }).getAttribute('href')).toBe('/families/5');
    expect(within(rows[0]!).getByText('Marie Dvořáková, Jana Dvořáková')).toBeTruthy();
    await waitFor(() => expect(within(rows[0]!).getByText('Brno-sever')).toBeTruthy());
    expect(within(rows[0]!).getByText('Aktivní')).toBeTruthy();
    expect(within(rows[0]!).getByText('20. 11. 2026')).toBeTruthy();
    expect(within(rows[1]!).getByText('Uzavřená')).toBeTruthy();
    expect(within(rows[1]!).getByText('bez klíčového pracovníka')).toBeTruthy();
    expect(rows[1]!.textContent).toContain('5 členů, z toho 3 děti');
    expect(screen.getByText('Nalezeny 2 rodiny')).toBeTruthy();
  });

  it('searches without diacritics and filters; the query goes to the server and into the address', async () => {
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/districts': districts,
      'GET /api/v1/families': (req: RecordedRequest) =>
        listReply(req.query.get('q') === 'stastny' ? [makeListItem({ id: 6, name: 'Šťastní' })] : [makeListItem()]),
    });
    const { user, router } = renderApp('/families');
    await screen.findByRole('link', { name: 'Dvořákovi' });
    await user.type(screen.getByLabelText('Hledat jméno'), 'stastny');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Brno-střed' })).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('Městská část'), 'brno-stred');
    await user.selectOptions(screen.getByLabelText('Stav'), 'active');
    await user.selectOptions(screen.getByLabelText('Řadit podle'), '-updated');
    await user.click(screen.getByRole('button', { name: 'Hledat' }));
    expect(await screen.findByRole('link', { name: 'Šťastní' })).toBeTruthy();
    const last = server.callsTo('GET /api/v1/families').at(-1)!;
    expect(last.query.get('q')).toBe('stastny');
    expect(last.query.get('district')).toBe('brno-stred');
    expect(last.query.get('status')).toBe('active');
    expect(last.query.get('sort')).toBe('-updated');
    expect(last.query.get('page')).toBe('1');
    expect(router.state.location.search).toBe('?q=stastny&district=brno-stred&status=active&sort=-updated');
  });

  it('pages through the list', async () => {
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/districts': districts,
      'GET /api/v1/families': (req: RecordedRequest) => listReply([makeListItem({ name: `Rodina ${req.query.get('page')}` })], Number(req.query.get('page')), 60),
    });
    const { user } = renderApp('/families');
    await screen.findByRole('link', { name: 'Rodina 1' });
    expect(screen.getByText('Strana 1 z 3 · 60 záznamů')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Další/ }));
    expect(await screen.findByRole('link', { name: 'Rodina 2' })).toBeTruthy();
    expect(server.callsTo('GET /api/v1/families').at(-1)?.query.get('page')).toBe('2');
  });

  it('says what to do when nothing matches the search', async () => {
    mockServer({ ...sessionRoutes(worker), 'GET /api/v1/districts': districts, 'GET /api/v1/families': listReply([]) });
    const { user, router } = renderApp('/families?q=xyz');
    expect(await screen.findByRole('heading', { name: 'Žádná rodina neodpovídá hledání' })).toBeTruthy();
    expect(screen.getByText(/Žádná rodina neodpovídá hledání „xyz“/)).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'Zrušit hledání a filtry' }).at(-1)!);
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByRole('heading', { name: 'Zatím tu nejsou žádné rodiny' })).toBeTruthy();
  });

  it('invites to create the first family when there are none', async () => {
    mockServer({ ...sessionRoutes(worker), 'GET /api/v1/districts': districts, 'GET /api/v1/families': listReply([]) });
    renderApp('/families');
    expect(await screen.findByRole('heading', { name: 'Zatím tu nejsou žádné rodiny' })).toBeTruthy();
    expect(screen.getByText(/Založte první rodinu/)).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'Nová rodina' });
    expect(links.every((a) => a.getAttribute('href') === '/families/new')).toBe(true);
  });

  it('explains a refusal (analyst: 403)', async () => {
    mockServer({
      ...sessionRoutes(makeUser({ username: 'analytik', role: 'analyst' })),
      'GET /api/v1/districts': districts,
      'GET /api/v1/families': apiError(403, 'forbidden', 'Analysts cannot see personal data.'),
    });
    renderApp('/families');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('K této akci nemáte oprávnění.')).toBeTruthy();
    expect(within(alert).getByText('Analysts cannot see personal data.')).toBeTruthy();
  });

  it('folds the filters behind one button on a phone, open and counted when some are on', async () => {
    mockServer({ ...sessionRoutes(worker), 'GET /api/v1/districts': districts, 'GET /api/v1/families': listReply([makeListItem()]) });
    const { user } = renderApp('/families');
    const toggle = await screen.findByRole('button', { name: 'Filtry a řazení' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('opens the filters when the address already has some', async () => {
    mockServer({ ...sessionRoutes(worker), 'GET /api/v1/districts': districts, 'GET /api/v1/families': listReply([makeListItem()]) });
    renderApp('/families?status=active&sort=-name');
    const toggle = await screen.findByRole('button', { name: 'Filtry a řazení (2 zapnuté)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect((screen.getByLabelText('Stav') as HTMLSelectElement).value).toBe('active');
  });
});
