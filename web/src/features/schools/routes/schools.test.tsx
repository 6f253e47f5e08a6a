// Školy: the list (search, filters, Czech order from the server), a school's page and its forms.
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';
import { districts } from '@/testing/registry-fixtures';
import {
  interactions,
  makeSchoolDetail,
  makeEstimate,
  makeSchoolItem,
  makeWindow,
  schoolsReply,
  thresholdsReply,
  windowsReply,
} from '@/testing/schools-fixtures';
import type { User } from '@/types/user';
import { confidences, interactionTypes, schoolTypes, segregationStatuses, stances, zapisLevels } from '../types';
import { cs, en } from '@/i18n/resources';

// Generous waits: these tests render whole pages, which a loaded machine can take seconds to do.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });
const coordinator = makeUser({ id: 2, username: 'koordinator', role: 'coordinator' });
const analyst = makeUser({ id: 4, username: 'analytik', role: 'analyst' });

function errorFor(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((el) => el?.className === 'field__error')?.textContent ?? null;
}

function routes(user: User, extra = {}) {
  return {
    ...sessionRoutes(user),
    'GET /api/v1/districts': districts,
    'GET /api/v1/schools/7': json(makeSchoolDetail()),
    'GET /api/v1/settings/segregation-thresholds': thresholdsReply,
    'GET /api/v1/zapis-windows': windowsReply,
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

describe('Školy › seznam', () => {
  it('searches by name or IZO with filters; the query goes to the server and into the address', async () => {
    const server = mockServer(
      routes(worker, {
        'GET /api/v1/schools': (req: RecordedRequest) =>
          req.query.get('q') === 'fiktivni'
            ? schoolsReply([makeSchoolItem(), makeSchoolItem({ id: 8, izo: '108000001', name: 'Mateřská škola Čtyřlístek', type: 'ms', segregation_status: 'unknown', roma_share: null, composition_school_year: null })])
            : schoolsReply([]),
      }),
    );
    const { user, router } = renderApp('/schools');
    expect(await screen.findByRole('heading', { level: 1, name: 'Školy' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Zatím tu nejsou žádné školy' })).toBeTruthy();
    await user.type(screen.getByLabelText(/^Hledat školu/), 'fiktivni');
    await user.click(screen.getByRole('button', { name: /Další filtry/ }));
    await user.selectOptions(screen.getByLabelText('Druh školy'), 'zs');
    await user.selectOptions(screen.getByLabelText('Městská část'), 'Brno-střed');
    await user.selectOptions(screen.getByLabelText('Segregace'), 'more_than_half');
    await user.click(screen.getByRole('button', { name: 'Hledat' }));
    // The filters are sent; this fake answers by q only.
    await waitFor(() => expect(server.callsTo('GET /api/v1/schools').at(-1)!.query.get('status')).toBe('more_than_half'));
    const q = server.callsTo('GET /api/v1/schools').at(-1)!.query;
    expect([q.get('q'), q.get('type'), q.get('district'), q.get('page_size')]).toEqual(['fiktivni', 'zs', 'Brno-střed', '25']);
    expect(router.state.location.search).toBe('?q=fiktivni&type=zs&district=Brno-st%C5%99ed&status=more_than_half');
    const table = await screen.findByRole('table', { name: 'Nalezené školy' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('IZO 102345678');
    expect(rows[0]!.textContent).toContain('62\u00a0% romských žáků (2025/26)');
    expect(rows[0]!.textContent).toContain('více než polovina');
    expect(rows[1]!.textContent).toContain('zatím bez odhadu');
    expect(within(rows[1]!).getByRole('link', { name: 'Mateřská škola Čtyřlístek' }).getAttribute('href')).toBe('/schools/8');
    expect(screen.getByText('Nalezeny 2 školy.')).toBeTruthy();
  });

  it('says when nothing matches and offers to clear the filters', async () => {
    mockServer(routes(worker, { 'GET /api/v1/schools': schoolsReply([]) }));
    const { user } = renderApp('/schools?q=zzz');
    expect(await screen.findByRole('heading', { name: 'Žádná škola neodpovídá hledání' })).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'Zrušit filtry' })[1]!);
    expect(await screen.findByRole('heading', { name: 'Zatím tu nejsou žádné školy' })).toBeTruthy();
  });
});

describe('Školy › stránka školy', () => {
  it('shows basic data, composition as a chart and a table with the status per year, openness, interactions, incidents slot, zápis', async () => {
    mockServer(routes(analyst));
    renderApp('/schools/7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Základní škola Brno, Fiktivní 12' })).toBeTruthy();
    const h2 = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(h2).toEqual([
      'Základní údaje',
      'Složení žáků v jednotlivých letech',
      'Otevřenost vedení inkluzi',
      'Jednání se školou',
      'Incidenty',
      'Termíny zápisu do základních škol',
    ]);
    const facts = document.querySelector('.facts')!.textContent!;
    for (const text of ['102345678', '600123456', 'Městská část Brno-střed (IČO 44992785)', 'Fiktivní 12, 602 00 Brno', 'kód RÚIAN 19012345', '540 žáků']) {
      expect(facts).toContain(text);
    }
    const chart = screen.getByRole('img', { name: /Podíl romských a sociálně znevýhodněných žáků/ });
    expect(chart.getAttribute('aria-label')).toContain('2025/26: romských 62\u00a0%, znevýhodněných 70\u00a0%');
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart.querySelectorAll('rect')).toHaveLength(2);
    const table = screen.getByRole('table', { name: 'Všechny odhady, nejnovější nahoře' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows[0]).toContain('2025/26');
    expect(rows[0]).toContain('více než polovina');
    expect(rows[1]).toContain('více než třetina');
    expect(rows[1]).toContain('—');
    expect(rows[2]).toContain('pod hranicemi');
    expect(screen.getByText(/více než třetina = nad 33,3 %/)).toBeTruthy();
    expect(screen.getAllByText('uzavřená inkluzi').length).toBeGreaterThan(0);
    expect(screen.getByText('Ředitel odmítl schůzku o přijetí dětí z ubytovny.')).toBeTruthy();
    expect(screen.getByText('20. 11. 2026 · Schůzka · terenni')).toBeTruthy();
    expect(document.querySelector('[data-slot="school-incidents"]')).toBeTruthy();
    const zapis = await screen.findByRole('table', { name: 'Termíny zápisu podle školních let' });
    // The coming zápis (2027/28) and a year either side; the rest on request.
    expect(within(zapis).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      '2027/281. 4. 2027 – 30. 4. 2027koordinator',
      '2026/271. 4. 2026 – 30. 4. 2026koordinator',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Zobrazit všechny roky (3 termíny)' }));
    expect(within(zapis).getAllByRole('row')).toHaveLength(4);
    // An analyst reads, but records nothing.
    expect(screen.queryByRole('button', { name: 'Uložit jednání' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Uložit hodnocení' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Upravit/ })).toBeNull();
  });

  it('a worker logs an interaction (server 422 at the field, then saved); no openness form for a worker', async () => {
    let items = interactions;
    let first = true;
    const server = mockServer(
      routes(worker, {
        'GET /api/v1/schools/7': () => json(makeSchoolDetail({ interactions: items })),
        'POST /api/v1/schools/7/interactions': () => {
          if (first) {
            first = false;
            return apiError(422, 'validation_failed', 'Some fields are invalid.', [{ field: 'summary', message: 'Summary is too long.' }]);
          }
          items = [{ ...interactions[0]!, id: 6, occurred_on: '2026-11-27', type: 'phone', summary: 'Telefonát s ředitelem.' }, ...items];
          return json(items[0], 201);
        },
      }),
    );
    const { user } = renderApp('/schools/7');
    await screen.findByRole('heading', { level: 1, name: 'Základní škola Brno, Fiktivní 12' });
    expect(screen.queryByRole('button', { name: 'Uložit hodnocení' })).toBeNull();
    const date = screen.getByLabelText(/^Datum \(/);
    await user.clear(date);
    await user.type(date, '2026-11-27');
    await user.selectOptions(screen.getByLabelText(/^Druh jednání/), 'phone');
    await user.type(screen.getByLabelText(/^O čem se jednalo/), 'Telefonát s ředitelem.');
    await user.click(screen.getByRole('button', { name: 'Uložit jednání' }));
    await waitFor(() => expect(errorFor(screen.getByLabelText(/^O čem se jednalo/))).toBe('Chyba: Summary is too long.'));
    expect((screen.getByLabelText(/^O čem se jednalo/) as HTMLTextAreaElement).value).toBe('Telefonát s ředitelem.');
    await user.click(screen.getByRole('button', { name: 'Uložit jednání' }));
    expect(await screen.findByText('Jednání bylo zapsáno.')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/schools/7/interactions')[1]!.body).toEqual({
      occurred_on: '2026-11-27',
      type: 'phone',
      summary: 'Telefonát s ředitelem.',
    });
    expect(await screen.findByText('27. 11. 2026 · Telefonát · terenni')).toBeTruthy();
  });

  it('a coordinator records openness and a composition estimate; the client checks come first', async () => {
    const server = mockServer(
      routes(coordinator, {
        'POST /api/v1/schools/7/openness': (req: RecordedRequest) => json({ ...(req.body as object), id: 9, school_id: 7, assessed_by: 'koordinator', created_at: '' }, 201),
        'POST /api/v1/schools/7/composition': (req: RecordedRequest) =>
          json({ ...makeEstimate(), ...(req.body as object), id: 10, disadvantaged_share: null }, 201),
      }),
    );
    const { user } = renderApp('/schools/7');
    await screen.findByRole('heading', { level: 1, name: 'Základní škola Brno, Fiktivní 12' });
    await user.click(screen.getByRole('button', { name: 'Uložit hodnocení' }));
    expect(errorFor(screen.getByLabelText(/^Na čem hodnocení stojí/))).toBe('Chyba: Vyplňte prosím toto pole.');
    expect(server.callsTo('POST /api/v1/schools/7/openness')).toHaveLength(0);
    await user.selectOptions(screen.getByLabelText(/^Postoj vedení/), 'mixed');
    await user.type(screen.getByLabelText(/^Na čem hodnocení stojí/), 'Zástupkyně slíbila třídu bez rozdělování.');
    await user.click(screen.getByRole('button', { name: 'Uložit hodnocení' }));
    expect(await screen.findByText('Hodnocení bylo uloženo.')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/schools/7/openness')[0]!.body).toEqual({
      stance: 'mixed',
      assessed_on: '2026-11-28',
      evidence: 'Zástupkyně slíbila třídu bez rozdělování.',
    });

    await user.click(screen.getByText('Přidat odhad složení'));
    await user.click(screen.getByRole('button', { name: 'Uložit odhad' }));
    expect(errorFor(screen.getByLabelText(/^Romští žáci \(%\)/))).toBe('Chyba: Vyplňte podíl romských nebo sociálně znevýhodněných žáků.');
    await user.type(screen.getByLabelText(/^Romští žáci \(%\)/), '120');
    await user.click(screen.getByRole('button', { name: 'Uložit odhad' }));
    expect(errorFor(screen.getByLabelText(/^Romští žáci \(%\)/))).toBe('Chyba: Zadejte číslo od 0 do 100.');
    await user.clear(screen.getByLabelText(/^Romští žáci \(%\)/));
    await user.type(screen.getByLabelText(/^Romští žáci \(%\)/), '34,5');
    await user.type(screen.getByLabelText(/^Zdroj odhadu/), 'výroční zpráva');
    await user.selectOptions(within(screen.getByRole('form', { name: 'Přidat odhad složení' })).getByLabelText(/^Školní rok/), '2026');
    await user.click(screen.getByRole('button', { name: 'Uložit odhad' }));
    expect(await screen.findByText('Odhad byl uložen.')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/schools/7/composition')[0]!.body).toEqual({
      school_year: 2026,
      roma_share: 0.345,
      source: 'výroční zpráva',
      estimated_on: '2026-11-28',
      confidence: 'medium',
    });
  });

  it('a coordinator edits a zápis window with its version; a stale one (409) reloads and keeps what was typed', async () => {
    let stale = true;
    const server = mockServer(
      routes(coordinator, {
        'PUT /api/v1/zapis-windows/zs/2026': (req: RecordedRequest) => {
          if (stale) {
            stale = false;
            return apiError(409, 'conflict', 'The window was changed meanwhile.');
          }
          return json(makeWindow({ ...(req.body as object), version: 3 }));
        },
      }),
    );
    const { user } = renderApp('/schools/7');
    const editForm = () => within(screen.getByRole('form', { name: 'Úprava termínu zápisu ZŠ 2026/27' }));
    await user.click(await screen.findByRole('button', { name: 'Upravit ZŠ 2026/27' }));
    const to = editForm().getByLabelText('Do (povinné)');
    await user.clear(to);
    await user.type(to, '2026-03-01');
    await user.click(editForm().getByRole('button', { name: 'Uložit termín' }));
    expect(errorFor(editForm().getByLabelText('Do (povinné)'))).toBe('Chyba: Konec zápisu nemůže být před jeho začátkem.');
    await user.clear(editForm().getByLabelText('Do (povinné)'));
    await user.type(editForm().getByLabelText('Do (povinné)'), '2026-04-20');
    await user.click(editForm().getByRole('button', { name: 'Uložit termín' }));
    expect(await screen.findByText('Termín mezitím změnil někdo jiný')).toBeTruthy();
    expect(server.callsTo('PUT /api/v1/zapis-windows/zs/2026')[0]!.body).toEqual({ from: '2026-04-01', to: '2026-04-20', version: 1 });
    expect((editForm().getByLabelText('Do (povinné)') as HTMLInputElement).value).toBe('2026-04-20');
    await waitFor(() => expect(server.callsTo('GET /api/v1/zapis-windows').length).toBeGreaterThan(1));
    await user.click(editForm().getByRole('button', { name: 'Uložit termín' }));
    expect(await screen.findByText('Termín zápisu ZŠ 2026/27 byl uložen.')).toBeTruthy();
  });

  it('adds the window of another school year on the zápis page (no version) and shows a server 422 at the field', async () => {
    const server = mockServer(
      routes(coordinator, {
        'PUT /api/v1/zapis-windows/ms/2027': apiError(422, 'validation_failed', 'Some fields are invalid.', [
          { field: 'from', message: 'The window must lie between 1 January and 31 August 2027.' },
        ]),
      }),
    );
    const { user } = renderApp('/schools/zapis-windows');
    expect(await screen.findByRole('heading', { level: 1, name: 'Termíny zápisu' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Termíny zápisu podle školních let' });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    await user.click(screen.getByText('Přidat termín pro další školní rok'));
    await user.selectOptions(screen.getByLabelText(/^Stupeň/), 'ms');
    await user.selectOptions(screen.getByLabelText(/^Školní rok/), '2027');
    await user.type(screen.getByLabelText('Od (povinné)'), '2026-03-15');
    await user.type(screen.getByLabelText('Do (povinné)'), '2027-04-15');
    await user.click(screen.getByRole('button', { name: 'Uložit termín' }));
    await waitFor(() => expect(errorFor(screen.getByLabelText('Od (povinné)'))).toBe('Chyba: The window must lie between 1 January and 31 August 2027.'));
    expect(server.callsTo('PUT /api/v1/zapis-windows/ms/2027')[0]!.body).toEqual({ from: '2026-03-15', to: '2027-04-15' });
  });

  it('says when the school does not exist (404)', async () => {
    mockServer(routes(worker, { 'GET /api/v1/schools/99': apiError(404, 'not_found', 'No such school.') }));
    renderApp('/schools/99');
    expect(await screen.findByRole('heading', { name: 'Škola nebyla nalezena' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Zpět na seznam škol' }).getAttribute('href')).toBe('/schools');
  });
});

describe('translations built from data', () => {
  it('exist in both languages for every school enum', () => {
    const keys = [
      ...schoolTypes.map((v) => `schools.typeName.${v}`),
      ...segregationStatuses.map((v) => `schools.status.${v}`),
      ...confidences.map((v) => `schools.confidence.${v}`),
      ...stances.map((v) => `schools.stance.${v}`),
      ...interactionTypes.map((v) => `schools.interactionType.${v}`),
      ...zapisLevels.flatMap((v) => [`schools.zapis.levelName.${v}`, `schools.zapis.titleLevel.${v}`]),
      ...['more_than_third', 'more_than_half', 'almost_all'].map((v) => `schools.composition.rule.${v}`),
      ...['surname', '-surname', 'birth_date'].map((v) => `registryExtra.search.sortBy.${v}`),
      ...['families', 'people'].map((v) => `registryExtra.tabs.${v}`),
    ];
    const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    for (const key of keys) {
      expect(typeof lookup(cs, key), `cs ${key}`).toBe('string');
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
    }
  });
});
