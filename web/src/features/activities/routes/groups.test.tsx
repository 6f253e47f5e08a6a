import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';

// The first screen may take a while on a busy machine.
const slow = { timeout: 5000 };
const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });

const catalogues = {
  'GET /api/v1/activity-types': json({
    items: [
      { code: 'child_group', name_cs: 'Skupinové setkání dětí', name_en: "Children's group session", audience: 'child', counted_minutes: null, tracks_regularity: true },
      { code: 'parent_group', name_cs: 'Setkání rodičů', name_en: 'Parent group meeting', audience: 'adult', counted_minutes: null, tracks_regularity: true },
    ],
  }),
  'GET /api/v1/activity-topics': json({ items: [{ code: 'feelings', name_cs: 'Pocity a emoce', name_en: 'Feelings and emotions' }] }),
  'GET /api/v1/colleagues': json({ items: [{ id: 3, username: 'terenni', role: 'worker', team: 'Sever' }] }),
};
const sarka = { id: 11, given_names: 'Šárka', surname: 'Háčková', role: 'child' };
const cenek = { id: 12, given_names: 'Čeněk', surname: 'Háček', role: 'child' };
const group = {
  id: 4,
  version: 2,
  name: 'Úterní předškolní klub',
  type: 'child_group',
  place: 'Klubovna',
  weekday: 2,
  start: '16:00',
  end: '17:30',
  valid_from: '2025-09-01',
  valid_to: null,
  topics: [],
  member_ids: [11],
  members: [sarka],
};
const session = (id: number, date: string) => ({
  id,
  version: 1,
  type: 'child_group',
  group_id: 4,
  date,
  start: '16:00',
  end: '17:30',
  duration_minutes: 90,
  place: 'Klubovna',
  notes: null,
  topics: [],
  participant_ids: [11],
  participants: [sarka],
  worker_ids: [3],
  attendance_recorded: 0,
});

describe('Skupiny', () => {
  it('lists groups with type, weekly schedule and member count', async () => {
    mockServer({ ...sessionRoutes(worker), ...catalogues, 'GET /api/v1/groups': json({ items: [group, { ...group, id: 5, name: 'Setkání rodičů ve čtvrtek', type: 'parent_group', weekday: 4, members: [sarka, cenek], member_ids: [11, 12] }] }) });
    renderApp('/activities/groups');
    const row = (await screen.findByRole('link', { name: 'Úterní předškolní klub' }, slow)).closest('tr')!;
    expect(within(row).getByText('Skupinové setkání dětí')).toBeTruthy();
    expect(within(row).getByText('úterý 16:00–17:30, Klubovna')).toBeTruthy();
    expect(within(row).getByText('1 člen')).toBeTruthy();
    const other = screen.getByRole('link', { name: 'Setkání rodičů ve čtvrtek' }).closest('tr')!;
    expect(within(other).getByText('2 členové')).toBeTruthy();
  }, 20_000);

  it('creates a group with a member; server errors land at the field and at the member', async () => {
    let attempt = 0;
    const server = mockServer({
      ...sessionRoutes(worker),
      ...catalogues,
      'GET /api/v1/people': json({ items: [sarka] }),
      'POST /api/v1/groups': (req: RecordedRequest) =>
        ++attempt === 1
          ? apiError(422, 'validation_failed', 'Some fields are invalid.', [
              { field: 'name', message: 'Název je příliš dlouhý.' },
              { field: 'member_ids[0]', message: 'Tato osoba nepatří do vašeho týmu.' },
            ])
          : json({ ...group, ...(req.body as object), id: 9, version: 1, members: [sarka] }, 201),
      'GET /api/v1/groups/9': json({ ...group, id: 9 }),
      'GET /api/v1/activities': json({ items: [], total: 0, page: 1, page_size: 100 }),
    });
    const { user } = renderApp('/activities/groups/new');
    await user.type(await screen.findByLabelText(/^Název/, {}, slow), 'Úterní klub');
    await user.selectOptions(screen.getByLabelText(/^Den v týdnu/), 'úterý');
    await user.type(screen.getByLabelText(/^Najít účastníka/), 'sar');
    await user.click(await screen.findByRole('button', { name: 'Přidat: Šárka Háčková' }));
    await user.click(screen.getByRole('button', { name: 'Založit skupinu' }));
    const name = screen.getByLabelText(/^Název/);
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Název je příliš dlouhý.')).toBeTruthy();
    const member = screen.getByRole('button', { name: 'Odebrat: Šárka Háčková' }).closest('li')!;
    expect(within(member).getByText('Tato osoba nepatří do vašeho týmu.')).toBeTruthy();
    expect((name as HTMLInputElement).value).toBe('Úterní klub');
    await user.click(screen.getByRole('button', { name: 'Založit skupinu' }));
    await waitFor(() => expect(server.callsTo('POST /api/v1/groups')).toHaveLength(2));
    expect(await screen.findByText('Skupina uložena.', {}, slow)).toBeTruthy();
    expect(server.callsTo('POST /api/v1/groups')[1]!.body).toMatchObject({
      name: 'Úterní klub',
      type: 'child_group',
      weekday: 2,
      start: '16:00',
      end: '17:30',
      member_ids: [11],
      valid_to: null,
    });
  }, 20_000);

  it('group page: adds a member with the version, generates sessions (holiday skipped), links the month sheet', async () => {
    const server = mockServer({
      ...sessionRoutes(worker),
      ...catalogues,
      'GET /api/v1/groups/4': json(group),
      'GET /api/v1/activities': json({ items: [session(21, '2025-12-02')], total: 1, page: 1, page_size: 100 }),
      'GET /api/v1/people': json({ items: [sarka, cenek] }),
      'PATCH /api/v1/groups/4': (req: RecordedRequest) => json({ ...group, version: 3, member_ids: [11, 12], members: [sarka, cenek], ...((req.body as object) && {}) }),
      'POST /api/v1/groups/4/sessions': json({ created: [22, 23, 24], existing: [21], skipped_holidays: ['2025-12-23'] }, 201),
    });
    const { user } = renderApp('/activities/groups/4');
    expect(await screen.findByRole('heading', { name: 'Členové (1)' }, slow)).toBeTruthy();
    expect(screen.getByRole('link', { name: '2. 12. 2025 16:00–17:30' })).toBeTruthy();
    expect(server.callsTo('GET /api/v1/activities')[0]!.query.get('group')).toBe('4');
    await user.type(screen.getByLabelText(/^Najít účastníka/), 'hac');
    await user.click(await screen.findByRole('button', { name: 'Přidat: Čeněk Háček' }));
    expect(await screen.findByRole('heading', { name: 'Členové (2)' })).toBeTruthy();
    expect(server.callsTo('PATCH /api/v1/groups/4')[0]!.body).toEqual({ version: 2, member_ids: [11, 12] });

    const form = screen.getByRole('form', { name: 'Vytvořit setkání' });
    const from = within(form).getByLabelText(/^Od/);
    const to = within(form).getByLabelText(/^Do/);
    await user.clear(from);
    await user.type(from, '2025-12-01');
    await user.clear(to);
    await user.type(to, '2025-12-31');
    await user.click(within(form).getByRole('button', { name: 'Vytvořit setkání' }));
    expect(await screen.findByText('Vytvořena 3 setkání.')).toBeTruthy();
    expect(screen.getByText('1 setkání už existovalo.')).toBeTruthy();
    expect(screen.getByText(/Přeskočen 1 svátek: 23\. 12\. 2025/)).toBeTruthy();
    expect(server.callsTo('POST /api/v1/groups/4/sessions')[0]!.body).toEqual({ from: '2025-12-01', to: '2025-12-31' });

    const month = screen.getByLabelText('Měsíc prezenční listiny');
    await user.clear(month);
    await user.type(month, '2025-12');
    expect(screen.getByRole('link', { name: 'Měsíční prezenční listina (PDF)' }).getAttribute('href')).toBe(
      '/api/v1/groups/4/attendance-sheet.pdf?month=2025-12',
    );
  }, 20_000);

  it('a stale member change loads the current members and says so', async () => {
    mockServer({
      ...sessionRoutes(worker),
      ...catalogues,
      'GET /api/v1/groups/4': json(group),
      'GET /api/v1/activities': json({ items: [], total: 0, page: 1, page_size: 100 }),
      'PATCH /api/v1/groups/4': apiError(409, 'conflict', 'Changed.', undefined, {
        current: { ...group, version: 3, member_ids: [11, 12], members: [sarka, cenek] },
      }),
    });
    const { user } = renderApp('/activities/groups/4');
    await user.click(await screen.findByRole('button', { name: 'Odebrat: Šárka Háčková' }, slow));
    expect(await screen.findByText(/Načetli jsme aktuální členy/)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Členové (2)' })).toBeTruthy();
  }, 20_000);
});
