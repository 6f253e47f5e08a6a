import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';

// The first screen may take a while on a busy machine.
const slow = { timeout: 5000 };
const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });
const coordinator = makeUser({ id: 2, username: 'koordinator', role: 'coordinator', team: null });

const catalogues = {
  'GET /api/v1/activity-types': json({
    items: [
      { code: 'child_group', name_cs: 'Skupinové setkání dětí', name_en: "Children's group session", audience: 'child', counted_minutes: null, tracks_regularity: true },
      { code: 'trip', name_cs: 'Výlet', name_en: 'Trip', audience: 'any', counted_minutes: 360, tracks_regularity: false },
    ],
  }),
  'GET /api/v1/activity-topics': json({ items: [{ code: 'feelings', name_cs: 'Pocity a emoce', name_en: 'Feelings and emotions' }] }),
  'GET /api/v1/colleagues': json({ items: [{ id: 3, username: 'terenni', role: 'worker', team: 'Sever' }] }),
};
const sarka = { id: 11, given_names: 'Šárka', surname: 'Háčková', role: 'child' };
const activity = {
  id: 7,
  version: 3,
  type: 'trip',
  group_id: null,
  date: '2025-03-04',
  start: '09:00',
  end: '17:00',
  duration_minutes: 480,
  place: 'Moravský kras',
  notes: null,
  topics: [],
  participant_ids: [11],
  participants: [sarka],
  worker_ids: [3],
  attendance_recorded: 0,
};
const framework = {
  id: 1,
  code: 'children',
  version: 1,
  audience: 'child',
  name_cs: 'Kompetence dětí',
  name_en: "Children's competences",
  created_at: '2023-10-01T08:00:00Z',
  levels: [
    { level: 1, name_cs: 'Zatím ne', name_en: 'Not yet', description_cs: 'Zatím se neprojevuje.', description_en: 'Does not show yet.' },
    { level: 2, name_cs: 'S podporou', name_en: 'With support', description_cs: 'S pomocí pracovníka.', description_en: 'When a worker helps.' },
  ],
  domains: [
    {
      id: 1,
      code: 'emotions',
      name_cs: 'Emoce',
      name_en: 'Emotions',
      indicators: [
        { id: 1, code: 'names_feelings', name_cs: 'Pojmenuje pocity', name_en: 'Names feelings' },
        { id: 2, code: 'works_with_emotions', name_cs: 'Pracuje s emocemi', name_en: 'Works with emotions' },
      ],
    },
  ],
};

describe('editing activities and observations', () => {
  it('edit activity keeps its type; a stale version (409) shows both versions and saves mine against the new one', async () => {
    const theirs = { ...activity, version: 4, place: 'Punkevní jeskyně' };
    const server = mockServer({
      ...sessionRoutes(worker),
      ...catalogues,
      'GET /api/v1/activities/7': json(activity),
      'GET /api/v1/activities/7/attendance': json({ activity_id: 7, records: [], present: 0, excused: 0, absent: 0 }),
      'PATCH /api/v1/activities/7': (req: RecordedRequest) =>
        (req.body as { version: number }).version === 3
          ? apiError(409, 'conflict', 'Changed by someone else.', undefined, { current: theirs })
          : json({ ...theirs, ...(req.body as object), version: 5 }),
    });
    const { user } = renderApp('/activities/7/edit');
    const type = (await screen.findByLabelText(/^Druh aktivity/, {}, slow)) as HTMLSelectElement;
    expect(type.value).toBe('trip');
    const notes = screen.getByLabelText(/^Poznámky/);
    await user.type(notes, 'Vzali jsme svačiny.');
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Aktivitu mezitím upravil někdo jiný')).toBeTruthy();
    const table = within(alert).getByRole('table');
    expect(within(table).getByRole('row', { name: /^Místo/ }).textContent).toBe('MístoMoravský kras (liší se)Punkevní jeskyně');
    await user.click(within(alert).getByRole('button', { name: 'Uložit mou úpravu' }));
    await waitFor(() => expect(server.callsTo('PATCH /api/v1/activities/7')).toHaveLength(2));
    const [first, second] = server.callsTo('PATCH /api/v1/activities/7').map((c) => c.body as Record<string, unknown>);
    expect(first).toMatchObject({ version: 3, type: 'trip', notes: 'Vzali jsme svačiny.', participant_ids: [11] });
    expect(second).toMatchObject({ version: 4, notes: 'Vzali jsme svačiny.' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Docházka' }, slow)).toBeTruthy();
  }, 20_000);

  it('edit activity: a participant error lands at that person', async () => {
    mockServer({
      ...sessionRoutes(worker),
      ...catalogues,
      'GET /api/v1/activities/7': json(activity),
      'PATCH /api/v1/activities/7': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'participant_ids[0]', message: 'Tento druh aktivity je pro dospělé.' },
      ]),
    });
    const { user } = renderApp('/activities/7/edit');
    await user.click(await screen.findByRole('button', { name: 'Uložit změny' }, slow));
    const person = (await screen.findByRole('button', { name: 'Odebrat: Šárka Háčková' })).closest('li')!;
    expect(await within(person).findByText('Tento druh aktivity je pro dospělé.')).toBeTruthy();
  }, 20_000);

  it('edits an observation with its version; a field error shows at the field', async () => {
    const observation = { id: 5, version: 2, date: '2025-02-18', author: 'terenni', text: 'Holky umí říct: stop.', tags: ['hranice'], is_quote: true, speaker_role: 'team_member', speaker_person_id: null, publishable: false, people: [] };
    let attempt = 0;
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/activity-types': catalogues['GET /api/v1/activity-types'],
      'GET /api/v1/activities': json({ items: [], total: 0, page: 1, page_size: 20 }),
      'GET /api/v1/attendance/drifting': json({ items: [], total: 0 }),
      'GET /api/v1/assessments/cohort-progress': json({ framework: 'children', domains: [] }),
      'GET /api/v1/observations': json({ items: [observation], total: 1 }),
      'PATCH /api/v1/observations/5': (req: RecordedRequest) =>
        ++attempt === 1
          ? apiError(422, 'validation_failed', 'Invalid.', [{ field: 'publishable', message: 'Citovaná osoba nemá souhlas se zveřejněním.' }])
          : json({ ...observation, ...(req.body as object), version: 3 }),
    });
    const { user } = renderApp('/activities');
    await user.click(await screen.findByRole('button', { name: 'Upravit pozorování z 18. 2. 2025' }, slow));
    const form = screen.getByRole('form', { name: 'Úprava pozorování' });
    await user.click(within(form).getByLabelText(/^Smí do veřejných výstupů/));
    await user.click(within(form).getByRole('button', { name: 'Uložit změny' }));
    expect(await within(form).findByText('Citovaná osoba nemá souhlas se zveřejněním.')).toBeTruthy();
    await user.click(within(form).getByLabelText(/^Smí do veřejných výstupů/));
    await user.click(within(form).getByRole('button', { name: 'Uložit změny' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Úprava pozorování' })).toBeNull());
    expect(server.callsTo('PATCH /api/v1/observations/5').map((c) => c.body)).toEqual([
      { version: 2, date: '2025-02-18', text: 'Holky umí říct: stop.', tags: ['hranice'], is_quote: true, speaker_role: 'team_member', publishable: true },
      { version: 2, date: '2025-02-18', text: 'Holky umí říct: stop.', tags: ['hranice'], is_quote: true, speaker_role: 'team_member', publishable: false },
    ]);
  }, 20_000);
});

describe('competence frameworks and assessments', () => {
  it('lists every version with levels and indicators in both languages; a coordinator saves a new version, errors at the field', async () => {
    let attempt = 0;
    const server = mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/competence-frameworks': json({ items: [framework, { ...framework, id: 3, version: 2 }] }),
      'POST /api/v1/competence-frameworks': (req: RecordedRequest) =>
        ++attempt === 1
          ? apiError(422, 'validation_failed', 'Invalid.', [{ field: 'domains[0].indicators[2].name_en', message: 'A text of 1 to 500 characters is required.' }])
          : json({ ...framework, id: 4, version: 3, name_cs: (req.body as { name_cs: string }).name_cs }, 201),
    });
    const { user } = renderApp('/activities/frameworks');
    expect(await screen.findByRole('heading', { name: /Kompetence dětí/ }, slow)).toBeTruthy();
    expect(server.callsTo('GET /api/v1/competence-frameworks')[0]!.query.get('all')).toBe('1');
    expect(screen.getByText('Verze 2 · platná · 1. 10. 2023')).toBeTruthy();
    expect(screen.getByText('Verze 1 · 1. 10. 2023')).toBeTruthy();
    expect(screen.getAllByText('Pojmenuje pocity').length).toBeGreaterThan(0);
    expect(screen.getAllByText('(Names feelings)').length).toBeGreaterThan(0);
    expect(screen.getAllByText('With support: When a worker helps.').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Nová verze: Kompetence dětí' }));
    const form = screen.getByRole('form', { name: 'Nová verze rámce' });
    await user.click(within(form).getByRole('button', { name: 'Přidat ukazatel' }));
    const added = within(form).getByRole('group', { name: 'Ukazatel 3' });
    await user.type(within(added).getByLabelText(/^Kód/), 'calms_down');
    await user.type(within(added).getByLabelText(/^Název česky/), 'Umí se zklidnit');
    await user.click(within(form).getByRole('button', { name: 'Uložit novou verzi' }));
    const nameEn = within(added).getByLabelText(/^Název anglicky/);
    expect(await within(added).findByText('A text of 1 to 500 characters is required.')).toBeTruthy();
    expect(nameEn.getAttribute('aria-invalid')).toBe('true');
    await user.type(nameEn, 'Calms down');
    await user.click(within(form).getByRole('button', { name: 'Uložit novou verzi' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Nová verze rámce' })).toBeNull());
    const body = server.callsTo('POST /api/v1/competence-frameworks')[1]!.body as { code: string; domains: { indicators: unknown[] }[] };
    expect(body.code).toBe('children');
    expect(body.domains[0]!.indicators[2]).toEqual({ code: 'calms_down', name_cs: 'Umí se zklidnit', name_en: 'Calms down' });
  }, 20_000);

  it('a worker sees no new-version button', async () => {
    mockServer({ ...sessionRoutes(worker), 'GET /api/v1/competence-frameworks': json({ items: [framework] }) });
    renderApp('/activities/frameworks');
    expect(await screen.findByRole('heading', { name: /Kompetence dětí/ }, slow)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Nová verze/ })).toBeNull();
  }, 20_000);

  it('assessment: past assessments name their framework version; server errors at each level, the rest above', async () => {
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/people/11/support-hours': json({ person_id: 11, hours: 19.5, minutes: 1170, activities: 8, threshold_hours: 40, supported: false, minutes_until_supported: 1230 }),
      'GET /api/v1/people/11/competence-progress': json({ person_id: 11, domains: [] }),
      'GET /api/v1/competence-frameworks': json({ items: [{ ...framework, id: 3, version: 2 }] }),
      'GET /api/v1/people/11/assessments': json({
        items: [{ id: 8, version: 1, person_id: 11, framework_id: 1, framework: 'children', framework_version: 1, date: '2024-09-20', assessor: 'terenni', note: 'Vstupní hodnocení.', levels: { names_feelings: 1 } }],
      }),
      'POST /api/v1/assessments': apiError(422, 'validation_failed', 'Invalid.', [
        { field: 'levels.names_feelings', message: 'This framework has no such level.' },
        { field: 'framework_id', message: 'This framework is for another audience (adult).' },
      ]),
    });
    const { user } = renderApp('/activities/people/11');
    expect(await screen.findByText(/Kompetence dětí, verze 1 · hodnotil\(a\) terenni · 1 ukazatel — Vstupní hodnocení\./, {}, slow)).toBeTruthy();
    await user.click(screen.getByText('Hodnotit podle: Kompetence dětí'));
    const form = screen.getByRole('form', { name: 'Hodnocení: Kompetence dětí, verze 2' });
    const level = within(form).getByLabelText('Pojmenuje pocity') as HTMLSelectElement;
    await user.selectOptions(level, '2');
    await user.click(within(form).getByRole('button', { name: 'Uložit hodnocení' }));
    await waitFor(() => expect(level.getAttribute('aria-invalid')).toBe('true'));
    const errorId = level.getAttribute('aria-describedby')!;
    expect(document.getElementById(errorId)!.textContent).toContain('This framework has no such level.');
    expect(within(form).getByText(/framework_id: This framework is for another audience/)).toBeTruthy();
    expect(within(form).getByLabelText('Pracuje s emocemi').getAttribute('aria-invalid')).toBeNull();
    expect(level.value).toBe('2');
    expect(server.callsTo('POST /api/v1/assessments')[0]!.body).toEqual({ person_id: 11, framework_id: 3, date: expect.any(String), levels: { names_feelings: 2 } });
  }, 20_000);
});
