import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes } from '@/testing/mock-server';

const coordinator = makeUser({ id: 2, username: 'koordinator', role: 'coordinator', team: null });
const analyst = makeUser({ id: 5, username: 'analytik', role: 'analyst', team: null });

const project = {
  id: 1,
  version: 1,
  code: 'KREDO',
  name: 'KREDO',
  funder: 'OPZ+',
  call: 'Výzva č. 44',
  registration_number: null,
  period_from: '2023-10-01',
  period_to: '2025-09-30',
  suppression_threshold: 5,
  supported_threshold_minutes: 2400,
  minority_target_group: false,
  periods: [{ label: 'ZoR 1', from: '2023-10-01', to: '2024-03-31' }],
  targets: { EECO01: 120 },
  updated_at: '2023-10-01T00:00:00Z',
  updated_by: 'system',
};

function indicator(code: string, value: number | null, extra: Record<string, unknown> = {}) {
  return {
    code,
    version: 1,
    section: code.startsWith('EECO') ? 'esf' : 'programme',
    name_cs: `Ukazatel ${code}`,
    name_en: `Indicator ${code}`,
    unit: 'persons',
    method: 'm',
    status: 'ok',
    value,
    target: null,
    progress_percent: null,
    breakdown_kind: 'gender',
    breakdown: [
      { key: 'female', value: 7 },
      { key: 'male', value: 5 },
      { key: 'non_binary', value: 0 },
    ],
    entity: 'person',
    counted: value ?? 0,
    ...extra,
  };
}

function report(status: 'draft' | 'submitted', extra: Record<string, unknown> = {}) {
  return {
    id: 7,
    version: 1,
    status,
    from: '2023-10-01',
    to: '2024-03-31',
    created_at: '2024-04-02T08:00:00Z',
    created_by: 'koordinator',
    submitted_at: status === 'submitted' ? '2024-04-03T08:00:00Z' : null,
    submitted_by: status === 'submitted' ? 'koordinator' : null,
    sha256: status === 'submitted' ? 'a'.repeat(64) : null,
    sha256_valid: true,
    suppressed: false,
    computed_at: '2024-04-02T08:00:00Z',
    indicators: [
      indicator('EECO01', 12, { target: 120, progress_percent: 10 }),
      indicator('P_APPLICATIONS', null, { status: 'unavailable', reason: "The table 'enrollment_cases' does not exist in this database yet.", breakdown: [], breakdown_kind: '' }),
    ],
    ...extra,
  };
}

describe('Výkazy', () => {
  it('creates a draft for a reporting period and shows targets against actuals', async () => {
    const server = mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/reports': json({ items: [] }),
      'GET /api/v1/project': json(project),
      'POST /api/v1/reports': json(report('draft'), 201),
      'GET /api/v1/reports/7': json(report('draft')),
    });
    const { user } = renderApp('/reports');
    expect(await screen.findByRole('heading', { level: 1, name: 'Výkazy' })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: /ZoR 1/ }));
    await user.click(screen.getByRole('button', { name: 'Vytvořit koncept' }));
    await waitFor(() => expect(server.callsTo('POST /api/v1/reports')).toHaveLength(1));
    expect(server.callsTo('POST /api/v1/reports')[0]?.body).toEqual({ from: '2023-10-01', to: '2024-03-31' });
    const table = await screen.findByRole('table', { name: /Ukazatele ESF\+/ });
    const row = within(table).getByRole('row', { name: /EECO01/ });
    expect(within(row).getByText('120')).toBeTruthy();
    expect(within(row).getByText('12')).toBeTruthy();
    expect(within(row).getByText('10 %')).toBeTruthy();
    expect(screen.getByText(/enrollment_cases/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Stáhnout XLSX' }).getAttribute('href')).toBe('/api/v1/reports/7.xlsx');
  });

  it('shows the server field error at the field', async () => {
    mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/reports': json({ items: [] }),
      'GET /api/v1/project': json(project),
      'POST /api/v1/reports': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'to', message: 'The end of the period cannot be before its start.' },
      ]),
    });
    const { user } = renderApp('/reports');
    await user.click(await screen.findByRole('button', { name: 'Vytvořit koncept' }));
    expect(await screen.findByText(/The end of the period cannot be before its start/)).toBeTruthy();
  });

  it('submits after a confirmation', async () => {
    const server = mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/reports/7': json(report('draft')),
      'POST /api/v1/reports/7/submit': json(report('submitted')),
    });
    const { user } = renderApp('/reports/7');
    await user.click(await screen.findByRole('button', { name: 'Odevzdat zprávu' }));
    expect(screen.getByText(/Pozdější úpravy záznamů/)).toBeTruthy();
    server.on('GET /api/v1/reports/7', json(report('submitted')));
    await user.click(screen.getByRole('button', { name: 'Ano, odevzdat' }));
    await waitFor(() => expect(server.callsTo('POST /api/v1/reports/7/submit')).toHaveLength(1));
    expect(server.callsTo('POST /api/v1/reports/7/submit')[0]?.body).toEqual({ version: 1 });
    expect(await screen.findByText('a'.repeat(64))).toBeTruthy();
  });

  it('drills down to the counted people', async () => {
    mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/reports/7': json(report('draft')),
      'GET /api/v1/reports/7/indicators/EECO01/records': json({
        code: 'EECO01',
        entity: 'person',
        counted: 12,
        not_shown: 0,
        items: [{ id: 31, given_names: 'Ája', surname: 'Vzorová', family_id: 4, role: 'child' }],
      }),
    });
    const { user } = renderApp('/reports/7');
    await user.click(await screen.findByRole('button', { name: 'Záznamy započtené v EECO01' }));
    expect((await screen.findByRole('link', { name: 'Ája Vzorová' })).getAttribute('href')).toBe('/people/31');
    expect(screen.getByText('Započteno 12 záznamů.')).toBeTruthy();
  });

  it('analysts see hidden cells and no drill-down', async () => {
    mockServer({
      ...sessionRoutes(analyst),
      'GET /api/v1/reports/7': json(
        report('draft', {
          suppressed: true,
          indicators: [indicator('EECO01', null, { suppressed: true, breakdown: [{ key: 'female', value: null, suppressed: true }] })],
        }),
      ),
    });
    renderApp('/reports/7');
    expect(await screen.findByText('Buňky s malým počtem osob jsou skryté.')).toBeTruthy();
    expect(screen.getAllByText('skryto').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /Záznamy započtené/ })).toBeNull();
  });

  it('dashboard: every chart with its table, unavailable sections say why', async () => {
    mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/project': json(project),
      'GET /api/v1/dashboard': json({
        period: { from: '2023-10-01', to: '2025-09-30' },
        progress: [{ code: 'EECO01', name_cs: 'Celkový počet účastníků', name_en: 'Total', unit: 'persons', status: 'ok', value: 60, target: 120, progress_percent: 50 }],
        funnel: { status: 'unavailable', reason: "The table 'enrollment_cases' does not exist in this database yet." },
        attendance: { status: 'ok', months: [{ month: '2024-01', sessions: 10, present: 55 }] },
        competences: {
          children: { status: 'ok', code: 'P_IMPROVING_CHILDREN', unit: 'percent', value: 40, suppressed: false, items: [{ key: 'emotions', value: 40 }] },
          parents: { status: 'unavailable', reason: 'no assessments table' },
        },
        incidents: { status: 'unavailable', reason: "The table 'incidents' does not exist in this database yet." },
        suppressed: false,
        as_of: '2026-11-29T09:05:00Z',
      }),
    });
    renderApp('/reports/dashboard');
    expect(await screen.findByRole('heading', { name: 'Plnění cílových hodnot' })).toBeTruthy();
    expect(screen.getAllByText('60 / 120').length).toBe(2); // the bar's label and the table
    expect(screen.getByText(/enrollment_cases/)).toBeTruthy();
    expect(screen.getByRole('cell', { name: '55' })).toBeTruthy();
    expect(screen.getByText(/'incidents'/)).toBeTruthy();
    // When the figures were computed, in Brno time (UTC+1 in November), Czech style.
    expect(screen.getByTestId('dashboard-as-of').textContent).toBe('Stav údajů k 29. 11. 2026 10:05');
  });

  it('dashboard: a wrong period is named at its field, with no endless spinner', async () => {
    mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/project': json(project),
      'GET /api/v1/dashboard': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'to', message: 'The end of the period cannot be before its start.' },
      ]),
    });
    renderApp('/reports/dashboard');
    const to = await screen.findByLabelText('Do');
    expect(await screen.findByText(/The end of the period cannot be before its start/)).toBeTruthy();
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Načítá se…')).toBeNull();
  });
});
