import { configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, noContent, sessionRoutes } from '@/testing/mock-server';
import { makeCase, makeListItem, makePathway, makeTask } from '../testing-fixtures';

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });
const analyst = makeUser({ id: 5, username: 'analytik', role: 'analyst' });

const funnel = {
  school_year: 2026,
  school_year_label: '2026/27',
  level: null,
  counts: { cases: 12, application_filed: 10, decision: 8, admitted: 6, enrolled: 6, enrolled_non_segregated: 4 },
  suppressed: [],
  suppression_threshold: 0,
};

// The machine running the suite may be busy: give asynchronous queries more time.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Zápis › nástěnka', () => {
  it('groups the school year cases by stage and shows the funnel', async () => {
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/enrollment-cases': json({
        items: [
          makeListItem(),
          makeListItem({ id: 8, stage: 'appeal', appeal_late: true, child: { ...makeListItem().child, given_names: 'Ema' } }),
        ],
        total: 2,
        page: 1,
        page_size: 500,
      }),
      'GET /api/v1/enrollment/funnel': json(funnel),
    });
    renderApp('/enrollment');
    const delivery = await screen.findByRole('region', { name: /Doručení/ });
    expect(within(delivery).getByRole('link', { name: 'Šimon Vzorový' }).getAttribute('href')).toBe('/enrollment/7');
    const appeal = screen.getByRole('region', { name: /Odvolání/ });
    expect(within(appeal).getByText('po lhůtě')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: /Příprava/ })).getByText('Nikdo v této fázi.')).toBeTruthy();
    expect(server.callsTo('GET /api/v1/enrollment-cases')[0]!.query.get('school_year')).toBe('2026');
    const table = await screen.findByRole('table', { name: /školní rok 2026\/27/ });
    expect(within(table).getByText('Zapsáni do nesegregované školy').closest('tr')!.textContent).toContain('4');
  });

  it('shows analysts the funnel only, with hidden small cells', async () => {
    const server = mockServer({
      ...sessionRoutes(analyst),
      'GET /api/v1/enrollment/funnel': json({ ...funnel, counts: { ...funnel.counts, appeals_won: null }, suppressed: ['appeals_won'], suppression_threshold: 5 }),
    });
    renderApp('/enrollment');
    const table = await screen.findByRole('table', { name: /školní rok/ });
    expect(within(table).getByText('Odvolání úspěšná').closest('tr')!.textContent).toContain('méně než 5');
    expect(server.callsTo('GET /api/v1/enrollment-cases')).toHaveLength(0);
  });
});

describe('Zápis › cesta dítěte', () => {
  it('shows each computed date with its legal basis and the disputed reading', async () => {
    mockServer({ ...sessionRoutes(worker), 'GET /api/v1/enrollment-cases/7/pathway': json(makePathway()) });
    renderApp('/enrollment/7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Zápis: Šimon Vzorový' })).toBeTruthy();
    const dates = screen.getByRole('table', { name: /Vypočtená data/ });
    const appealRow = within(dates).getByText('Poslední den k odvolání').closest('tr')!;
    expect(appealRow.textContent).toContain('4. 5. 2026');
    expect(appealRow.textContent).toContain('§ 83 odst. 1');
    const delivered = within(dates).getByText('Doručení rozhodnutí').closest('tr')!;
    expect(delivered.textContent).toContain('sporné');
    expect(delivered.textContent).toContain('jiný výklad: 27. 4. 2026');
  });

  it('puts the server field error at the date of a decision dated before the application', async () => {
    const c = makeCase({ stage: 'zapis_attended', decision: { decision: null, date: null, school: null }, appeal: { ...makeCase().appeal, deadline: null } });
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/enrollment-cases/7/pathway': json(makePathway(c)),
      'POST /api/v1/enrollment-cases/7/stages': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'date', message: 'The decision is dated before the application was filed (2026-04-10).' },
      ]),
    });
    const { user } = renderApp('/enrollment/7');
    const stage = await screen.findByRole('combobox', { name: /^Fáze/ });
    expect((stage as HTMLSelectElement).value).toBe('decision');
    await user.selectOptions(screen.getByLabelText(/^Rozhodnutí/), 'not_admitted');
    const date = document.querySelector<HTMLInputElement>('input[name="date"]')!;
    await user.clear(date);
    await user.type(date, '2026-04-09');
    await user.click(screen.getByRole('button', { name: 'Uložit fázi' }));
    expect(await screen.findByText(/dated before the application/)).toBeTruthy();
    const body = server.callsTo('POST /api/v1/enrollment-cases/7/stages')[0]!.body as Record<string, unknown>;
    expect(body).toEqual({ version: 3, stage: 'decision', date: '2026-04-09', decision: 'not_admitted' });
    expect(date.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the late-appeal warning with the deadline and offers a reload on a conflict', async () => {
    const c = makeCase();
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/enrollment-cases/7/pathway': json(makePathway(c)),
      'POST /api/v1/enrollment-cases/7/stages': json(
        {
          ...makeCase({ version: 4, stage: 'appeal', appeal: { ...c.appeal, filed_date: '2026-05-05', late: true } }),
          warnings: [{ code: 'appeal_late', message: 'late', deadline: '2026-05-04' }],
        },
        201,
      ),
    });
    const { user } = renderApp('/enrollment/7');
    const stage = await screen.findByRole('combobox', { name: /^Fáze/ });
    await user.selectOptions(stage, 'appeal');
    const date = document.querySelector<HTMLInputElement>('input[name="date"]')!;
    await user.clear(date);
    await user.type(date, '2026-05-05');
    await user.click(screen.getByRole('button', { name: 'Uložit fázi' }));
    expect(await screen.findByText('Lhůta k odvolání skončila 4. 5. 2026. Odvolání je zapsané a označené jako opožděné.')).toBeTruthy();

    server.on('POST /api/v1/enrollment-cases/7/stages', apiError(409, 'conflict', 'Changed by someone else.'));
    await user.click(screen.getByRole('button', { name: 'Uložit fázi' }));
    expect(await screen.findByText('Případ mezitím změnil někdo jiný')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Načíst aktuální stav' }));
    await waitFor(() => expect(server.callsTo('GET /api/v1/enrollment-cases/7/pathway').length).toBeGreaterThan(1));
  });

  it('answers an unknown or other team case calmly', async () => {
    mockServer({ ...sessionRoutes(worker), 'GET /api/v1/enrollment-cases/99/pathway': apiError(404, 'not_found', 'No such enrollment case.') });
    renderApp('/enrollment/99');
    expect(await screen.findByText('Případ nenalezen')).toBeTruthy();
  });
});

describe('Dnes', () => {
  it('lists overdue tasks in words and this week, marks one done, manages the calendar feed', async () => {
    const overdue = makeTask();
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/tasks': (r) =>
        r.query.get('scope') === 'overdue'
          ? json({ scope: 'overdue', items: [overdue] })
          : json({ scope: 'this_week', items: [makeTask({ id: 32, kind: 'appeal_deadline', due_date: '2026-11-29' })] }),
      'PATCH /api/v1/tasks/31': json({ ...overdue, version: 2, status: 'done', done_by: 'terenni' }),
      'GET /api/v1/calendar/feed': json({ active: false, created_at: null }),
      'POST /api/v1/calendar/feed': json(
        { active: true, created_at: '2026-11-28T12:00:00Z', token: 'a'.repeat(64), path: `/api/v1/calendar/feed/${'a'.repeat(64)}.ics` },
        201,
      ),
      'DELETE /api/v1/calendar/feed': noContent(),
    });
    const { user } = renderApp('/today');
    const overdueList = await screen.findByRole('list', { name: 'Po lhůtě' });
    const item = within(overdueList).getByRole('listitem');
    expect(item.textContent).toContain('27. 11. 2026');
    expect(item.textContent).toContain('po lhůtě');
    expect(within(item).getByRole('link', { name: 'Šimon Vzorový' }).getAttribute('href')).toBe('/enrollment/7');
    const week = await screen.findByRole('list', { name: 'Tento týden' });
    expect(week.textContent).toContain('Poslední den k odvolání');

    await user.click(within(item).getByRole('button', { name: 'Hotovo' }));
    await waitFor(() => expect(server.callsTo('PATCH /api/v1/tasks/31')).toHaveLength(1));
    expect(server.callsTo('PATCH /api/v1/tasks/31')[0]!.body).toEqual({ version: 1, status: 'done' });

    await user.click(await screen.findByRole('button', { name: 'Vytvořit adresu kalendáře' }));
    expect(await screen.findByText(new RegExp(`/api/v1/calendar/feed/${'a'.repeat(64)}\\.ics`))).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Vypnout kalendář' }));
    await waitFor(() => expect(server.callsTo('DELETE /api/v1/calendar/feed')).toHaveLength(1));
    expect(await screen.findByText('Kalendář zatím nemáte.')).toBeTruthy();
  });
});
