import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });

const types = json({
  items: [
    { code: 'child_group', name_cs: 'Skupinové setkání dětí', name_en: "Children's group session", audience: 'child', counted_minutes: null, tracks_regularity: true },
    { code: 'trip', name_cs: 'Výlet', name_en: 'Trip', audience: 'any', counted_minutes: 360, tracks_regularity: false },
  ],
});
const topics = json({ items: [{ code: 'feelings', name_cs: 'Pocity a emoce', name_en: 'Feelings and emotions' }] });
const participants = [
  { id: 11, given_names: 'Šárka', surname: 'Háčková', role: 'child' },
  { id: 12, given_names: 'Čeněk', surname: 'Háček', role: 'child' },
];
const activity = {
  id: 7,
  version: 1,
  type: 'child_group',
  group_id: null,
  date: '2025-03-04',
  start: '16:00',
  end: '17:30',
  duration_minutes: 90,
  place: 'Klubovna',
  notes: null,
  topics: ['feelings'],
  participant_ids: [11, 12],
  participants,
  worker_ids: [3],
  attendance_recorded: 0,
};
const cohort = (framework: string) =>
  json({
    framework,
    domains: [{ code: 'emotions', name_cs: 'Emoce', name_en: 'Emotions', people: 4, improved: 3, same: 1, declined: 0, share_improving: 0.75 }],
  });

describe('Aktivity', () => {
  it('lists activities in Czech, shows who is drifting away, cohort progress and observations', async () => {
    mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/activity-types': types,
      'GET /api/v1/activities': json({ items: [activity], total: 1, page: 1, page_size: 20 }),
      'GET /api/v1/attendance/drifting': json({
        items: [{ person_id: 20, given_names: 'Jana', surname: 'Háčková', role: 'adult', family_id: 5, family_name: 'Háčkovi', last_present: '2025-01-09', last_sessions: [] }],
        total: 1,
      }),
      'GET /api/v1/assessments/cohort-progress': (req: RecordedRequest) => cohort(req.query.get('framework') ?? ''),
      'GET /api/v1/observations': json({
        items: [{ id: 1, version: 1, date: '2024-11-12', author: 'terenni', text: 'Kluci začali popisovat, jak se cítí.', tags: [], is_quote: true, speaker_role: 'team_member', speaker_person_id: null, publishable: true, people: [] }],
        total: 1,
      }),
    });
    renderApp('/activities');
    expect(await screen.findByRole('link', { name: '4. 3. 2025 16:00–17:30 · Skupinové setkání dětí' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('2 účastníci')).toBeTruthy();
    expect(await screen.findByText('Jana Háčková')).toBeTruthy();
    expect(screen.getByText(/naposledy přítomen 9. 1. 2025/)).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Děti: posun mezi prvním a posledním hodnocením' });
    expect(within(table).getByText('75 %')).toBeTruthy();
    expect(await screen.findByText('Kluci začali popisovat, jak se cítí.')).toBeTruthy();
  });

  it('roll-call: one tap per child saves the whole list; a resend sends the same list', async () => {
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/activity-types': types,
      'GET /api/v1/activities/7': json(activity),
      'GET /api/v1/activities/7/attendance': json({ activity_id: 7, records: [], present: 0, excused: 0, absent: 0 }),
      'PUT /api/v1/activities/7/attendance': (req: RecordedRequest) => {
        const records = (req.body as { records: { person_id: number; status: string }[] }).records;
        return json({ activity_id: 7, records, present: records.filter((r) => r.status === 'present').length, excused: 0, absent: 0 });
      },
    });
    const { user } = renderApp('/activities/7');
    const sarka = await screen.findByRole('group', { name: 'Šárka Háčková' });
    await user.click(within(sarka).getByRole('button', { name: 'Přítomen' }));
    await waitFor(() => expect(server.callsTo('PUT /api/v1/activities/7/attendance')).toHaveLength(1));
    expect(server.callsTo('PUT /api/v1/activities/7/attendance')[0]!.body).toEqual({ records: [{ person_id: 11, status: 'present' }] });
    const cenek = screen.getByRole('group', { name: 'Čeněk Háček' });
    await user.click(within(cenek).getByRole('button', { name: 'Chybí' }));
    await waitFor(() => expect(server.callsTo('PUT /api/v1/activities/7/attendance')).toHaveLength(2));
    expect(server.callsTo('PUT /api/v1/activities/7/attendance')[1]!.body).toEqual({
      records: [
        { person_id: 11, status: 'present' },
        { person_id: 12, status: 'absent' },
      ],
    });
    expect(await screen.findByText(/Přítomen 1 z 2/)).toBeTruthy();
    expect(within(sarka).getByRole('button', { name: 'Přítomen' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('link', { name: 'Prezenční listina (PDF)' }).getAttribute('href')).toBe('/api/v1/activities/7/attendance-sheet.pdf');
  });

  it('roll-call: taps made while a save is on its way go in one save after it (never two at once)', async () => {
    let release: () => void = () => undefined;
    let open = 0;
    let most = 0;
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/activity-types': types,
      'GET /api/v1/activities/7': json(activity),
      'GET /api/v1/activities/7/attendance': json({ activity_id: 7, records: [], present: 0, excused: 0, absent: 0 }),
      'PUT /api/v1/activities/7/attendance': async (req: RecordedRequest) => {
        open++;
        most = Math.max(most, open);
        if (server.callsTo('PUT /api/v1/activities/7/attendance').length === 1) await new Promise<void>((r) => (release = r));
        open--;
        const records = (req.body as { records: { person_id: number; status: string }[] }).records;
        return json({ activity_id: 7, records, present: records.filter((r) => r.status === 'present').length, excused: 0, absent: 0 });
      },
    });
    const { user } = renderApp('/activities/7');
    const sarka = await screen.findByRole('group', { name: 'Šárka Háčková' }, { timeout: 5000 });
    await user.click(within(sarka).getByRole('button', { name: 'Přítomen' }));
    await user.click(within(screen.getByRole('group', { name: 'Čeněk Háček' })).getByRole('button', { name: 'Přítomen' }));
    await user.click(within(sarka).getByRole('button', { name: 'Omluven' }));
    expect(screen.getByText(/Ukládám…/)).toBeTruthy();
    expect(server.callsTo('PUT /api/v1/activities/7/attendance')).toHaveLength(1);
    release();
    await waitFor(() => expect(server.callsTo('PUT /api/v1/activities/7/attendance')).toHaveLength(2));
    expect(await screen.findByText(/Uloženo\./)).toBeTruthy();
    expect(most).toBe(1);
    expect(server.callsTo('PUT /api/v1/activities/7/attendance')[1]!.body).toEqual({
      records: [
        { person_id: 11, status: 'excused' },
        { person_id: 12, status: 'present' },
      ],
    });
  }, 20_000);

  it('create form shows the server field error at its field', async () => {
    mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/activity-types': types,
      'GET /api/v1/activity-topics': topics,
      'GET /api/v1/colleagues': json({ items: [{ id: 3, username: 'terenni', role: 'worker', team: 'Sever' }] }),
      'POST /api/v1/activities': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'date', message: 'A date is a real date written YYYY-MM-DD.' },
      ]),
    });
    const { user } = renderApp('/activities/new');
    await screen.findByRole('option', { name: 'Výlet' });
    await user.click(screen.getByRole('button', { name: 'Uložit aktivitu' }));
    expect(await screen.findByText('A date is a real date written YYYY-MM-DD.')).toBeTruthy();
  });

  it('create form names the logged-in worker, lets a colleague be added and refuses no worker at all', async () => {
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/activity-types': types,
      'GET /api/v1/activity-topics': topics,
      'GET /api/v1/colleagues': json({
        items: [
          { id: 3, username: 'terenni', role: 'worker', team: 'Sever' },
          { id: 4, username: 'terenni2', role: 'worker', team: 'Střed' },
        ],
      }),
      'POST /api/v1/activities': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'worker_ids[1]', message: 'There is no such active user.' },
      ]),
    });
    const { user } = renderApp('/activities/new');
    const me = await screen.findByRole('checkbox', { name: /^terenni · Sever/ });
    await waitFor(() => expect((me as HTMLInputElement).checked).toBe(true));
    await user.click(me);
    await user.click(screen.getByRole('button', { name: 'Uložit aktivitu' }));
    expect(await screen.findByText('Vyberte aspoň jednoho pracovníka.')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/activities')).toHaveLength(0);
    await user.click(me);
    await user.click(screen.getByRole('checkbox', { name: /^terenni2/ }));
    await user.click(screen.getByRole('button', { name: 'Uložit aktivitu' }));
    expect(await screen.findByText('There is no such active user.')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/activities')[0]!.body).toMatchObject({ worker_ids: [3, 4] });
  });
});
