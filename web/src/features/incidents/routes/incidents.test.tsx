import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes } from '@/testing/mock-server';
import type { Incident, IncidentStats } from '../types';

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });
const analyst = makeUser({ id: 5, username: 'analytik', role: 'analyst' });

const incident: Incident = {
  id: 9,
  version: 1,
  team: 'Sever',
  occurred_on: '2026-11-20',
  type: 'discouraged_from_enrolling',
  school: { id: 7, name: 'ZŠ Šťastná' },
  institution: null,
  description: 'Při zápisu řekli, ať jdeme jinam.',
  status: 'open',
  people: [{ id: 11, name: 'Eliška Dvořáková' }],
  evidence: [
    {
      id: 1,
      filename: 'poznamky.txt',
      content_type: 'text/plain',
      size_bytes: 2048,
      sha256: 'cd'.repeat(32),
      note: null,
      download_url: '/api/v1/incidents/9/evidence/1',
      created_at: '2026-11-21T10:00:00Z',
      created_by: 'terenni',
    },
  ],
  actions: [
    {
      id: 4,
      version: 1,
      type: 'appeal',
      taken_on: null,
      deadline: '2026-05-04',
      outcome: null,
      outcome_on: null,
      note: null,
      overdue: true,
      created_at: '2026-11-21T10:00:00Z',
      created_by: 'terenni',
      updated_at: '2026-11-21T10:00:00Z',
    },
  ],
  created_at: '2026-11-21T10:00:00Z',
  created_by: 'terenni',
  updated_at: '2026-11-21T10:00:00Z',
};

const stats: IncidentStats = {
  rows: [
    { school: { id: 7, name: 'ZŠ Šťastná' }, type: 'refused', count: 6 },
    { school: null, type: 'antigypsyism_at_office', count: null },
  ],
  by_type: [],
  total: 7,
  suppressed: true,
  suppression_threshold: 5,
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('Incidenty', () => {
  it('records an incident and shows the server field errors at the fields', async () => {
    let calls = 0;
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/schools': json({ items: [{ id: 7, name: 'ZŠ Šťastná' }] }),
      'POST /api/v1/incidents': () => {
        calls += 1;
        return calls === 1
          ? apiError(422, 'validation_failed', 'Some fields are invalid.', [{ field: 'school_id', message: 'There is no such school.' }])
          : json(incident, 201);
      },
      'GET /api/v1/incidents/9': json(incident),
    });
    const { user } = renderApp('/incidents/new');
    await screen.findByRole('option', { name: 'ZŠ Šťastná' });
    await user.selectOptions(screen.getByLabelText(/^Škola/), '7');
    await user.type(screen.getByLabelText(/^Co se stalo/), 'Při zápisu řekli, ať jdeme jinam.');
    await user.click(screen.getByRole('button', { name: 'Uložit incident' }));
    await waitFor(() => expect(screen.getByLabelText(/^Škola/).getAttribute('aria-invalid')).toBe('true'));
    expect(server.callsTo('POST /api/v1/incidents')[0]!.body).toEqual({
      occurred_on: '2026-11-28',
      type: 'discouraged_from_enrolling',
      school_id: 7,
      institution: null,
      description: 'Při zápisu řekli, ať jdeme jinam.',
      person_ids: [],
    });
    await user.click(screen.getByRole('button', { name: 'Uložit incident' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Odrazování od zápisu' })).toBeTruthy();
  });

  it('shows evidence and an overdue action, and says so when someone else changed the incident', async () => {
    mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/incidents/9': json(incident),
      'PATCH /api/v1/incidents/9': apiError(409, 'conflict', 'This incident was changed by someone else.', undefined, {
        current: { ...incident, version: 2 },
      }),
    });
    const { user } = renderApp('/incidents/9');
    expect(await screen.findByRole('heading', { level: 1, name: 'Odrazování od zápisu' })).toBeTruthy();
    const evidence = screen.getByRole('region', { name: 'Důkazy' });
    expect(within(evidence).getByRole('link', { name: 'poznamky.txt' }).getAttribute('href')).toBe('/api/v1/incidents/9/evidence/1');
    expect(evidence.textContent).toContain('2.0 KiB');
    const actions = screen.getByRole('region', { name: 'Kroky' });
    expect(actions.textContent).toContain('lhůta 4. 5. 2026');
    expect(actions.textContent).toContain('po lhůtě');
    await user.click(screen.getByRole('button', { name: 'Uzavřít' }));
    expect(await screen.findByText('Mezitím incident upravil někdo jiný.')).toBeTruthy();
  });

  it('refuses a forbidden file type before sending it', async () => {
    const server = mockServer({ ...sessionRoutes(worker), 'GET /api/v1/incidents/9': json(incident) });
    const { user } = renderApp('/incidents/9');
    const input = await screen.findByLabelText(/^Soubor/);
    fireEvent.change(input, { target: { files: [new File(['MZ'], 'program.exe', { type: 'application/x-msdownload' })] } });
    await user.click(screen.getByRole('button', { name: 'Nahrát soubor' }));
    expect(await screen.findByText(/Tento druh souboru nelze nahrát/)).toBeTruthy();
    expect(server.callsTo('POST /api/v1/incidents/9/evidence')).toHaveLength(0);
  });

  it('gives analysts the statistics only, with small counts hidden', async () => {
    const server = mockServer({ ...sessionRoutes(analyst), 'GET /api/v1/incidents/stats': json(stats) });
    renderApp('/incidents');
    const table = await screen.findByRole('table');
    expect(table.textContent).toContain('ZŠ Šťastná');
    expect(table.textContent).toContain('Jiná instituce');
    expect(table.textContent).toContain('méně než 5');
    expect(server.callsTo('GET /api/v1/incidents')).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Zaznamenat incident' })).toBeNull();
  });
});
