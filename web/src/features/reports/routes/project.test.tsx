// Výkazy › Projekt a cíle: coordinators edit the project (field errors at the fields, stale version).
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes } from '@/testing/mock-server';
import { formFieldOf, toProjectBody, valuesFromProject } from '../api/update-project';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const coordinator = makeUser({ id: 2, username: 'koordinator', role: 'coordinator', team: null });
const analyst = makeUser({ id: 5, username: 'analytik', role: 'analyst', team: null });

const project = {
  id: 1,
  version: 4,
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

const definitions = {
  items: [
    { code: 'EECO01', version: 1, section: 'esf', name_cs: 'Nezaměstnaní', name_en: 'Unemployed', unit: 'persons', method: 'm', entity: 'person', sensitive: false },
    { code: 'P_CHILDREN', version: 1, section: 'programme', name_cs: 'Děti v programu', name_en: 'Children in the programme', unit: 'persons', method: 'm', entity: 'person', sensitive: false },
  ],
};

function errorFor(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((el) => el?.className === 'field__error')?.textContent ?? null;
}

describe('Výkazy › Projekt a cíle', () => {
  it('saves periods, targets and settings with the version; server errors land at the fields', async () => {
    const server = mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/project': json(project),
      'GET /api/v1/indicators/definitions': json(definitions),
      'PUT /api/v1/project': apiError(422, 'validation_failed', 'Neplatné údaje.', [
        { field: 'periods[1].to', message: 'Období potřebuje dvě data.' },
        { field: 'targets.P_CHILDREN', message: 'Cíl je 0 nebo víc.' },
      ]),
    });
    renderApp('/reports/project');
    const name = await screen.findByLabelText(/^Název projektu/);
    expect((name as HTMLInputElement).value).toBe('KREDO');
    expect((screen.getByLabelText(/^Podpořená osoba/) as HTMLInputElement).value).toBe('40');
    await userEvent.click(screen.getByRole('button', { name: 'Přidat období' }));
    await userEvent.type(screen.getByLabelText(/^Název 2\. období/), 'ZoR 2');
    await userEvent.type(screen.getByLabelText(/^Začátek 2\. období/), '2024-04-01');
    await userEvent.type(screen.getByLabelText(/^Konec 2\. období/), '2024-09-30');
    await userEvent.type(screen.getByLabelText(/^P_CHILDREN/), '80');
    await userEvent.clear(screen.getByLabelText(/^Podpořená osoba/));
    await userEvent.type(screen.getByLabelText(/^Podpořená osoba/), '40,5');
    expect((screen.getByLabelText(/^Nesegregovaná škola/) as HTMLInputElement).value).toBe('50');
    await userEvent.clear(screen.getByLabelText(/^Nesegregovaná škola/));
    await userEvent.type(screen.getByLabelText(/^Nesegregovaná škola/), '33,3');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit projekt' }));
    await waitFor(() => expect(errorFor(screen.getByLabelText(/^Konec 2\. období/))).toContain('Období potřebuje dvě data.'));
    expect(errorFor(screen.getByLabelText(/^P_CHILDREN/))).toContain('Cíl je 0 nebo víc.');
    expect(server.callsTo('PUT /api/v1/project')[0]!.body).toMatchObject({
      version: 4,
      supported_threshold_minutes: 2430,
      non_segregated_max_roma_share: 0.333,
      periods: [
        { label: 'ZoR 1', from: '2023-10-01', to: '2024-03-31' },
        { label: 'ZoR 2', from: '2024-04-01', to: '2024-09-30' },
      ],
      targets: { EECO01: 120, P_CHILDREN: 80 },
    });

    server.on('PUT /api/v1/project', apiError(409, 'conflict', 'Projekt mezitím změnil někdo jiný.'));
    server.on('GET /api/v1/project', json({ ...project, version: 5, funder: 'OPZ+ (ESF+)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Uložit projekt' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByText('OPZ+ (ESF+)')).toBeTruthy();
    server.on('PUT /api/v1/project', json({ ...project, version: 6 }));
    await userEvent.click(screen.getByRole('button', { name: 'Uložit mou úpravu' }));
    expect(await screen.findByText('Projekt je uložen.')).toBeTruthy();
    expect(server.callsTo('PUT /api/v1/project')[2]!.body).toMatchObject({ version: 5 });
  });

  it('refuses a period that ends before it starts without asking the server', async () => {
    const server = mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/project': json(project),
      'GET /api/v1/indicators/definitions': json(definitions),
    });
    renderApp('/reports/project');
    const to = await screen.findByLabelText(/^Konec projektu/);
    await userEvent.clear(to);
    await userEvent.type(to, '2020-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit projekt' }));
    await waitFor(() => expect(errorFor(to)).toContain('Konec nesmí být před začátkem.'));
    expect(server.callsTo('PUT /api/v1/project')).toHaveLength(0);
  });

  it('shows analysts the targets without a form', async () => {
    mockServer({ ...sessionRoutes(analyst), 'GET /api/v1/project': json(project), 'GET /api/v1/indicators/definitions': json(definitions) });
    renderApp('/reports/project');
    expect(await screen.findByText('EECO01 Nezaměstnaní: 120')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Uložit projekt' })).toBeNull();
  });

  it('maps server field names to the form and round-trips the project', () => {
    expect(formFieldOf('periods[3].label')).toBe('periods.3.label');
    expect(formFieldOf('supported_threshold_minutes')).toBe('supported_hours');
    expect(formFieldOf('non_segregated_max_roma_share')).toBe('non_segregated_percent');
    const body = toProjectBody(valuesFromProject(project), 4);
    expect(body).toMatchObject({ supported_threshold_minutes: 2400, non_segregated_max_roma_share: 0.5, targets: { EECO01: 120 }, registration_number: null });
  });
});
