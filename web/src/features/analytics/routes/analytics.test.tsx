import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes, type MockReply } from '@/testing/mock-server';

const analyst = makeUser({ id: 5, username: 'analytik', role: 'analyst' });

function spread(mean: number, low = mean, high = mean) {
  return { mean, sd: (high - low) / 4, p5: low, p50: mean, p95: high };
}

function mechanism(name: string, d: number, unassigned = 0) {
  return {
    mechanism: name,
    M: spread(0.062),
    H: spread(0.3928),
    D: spread(d, d - 0.02, d + 0.02),
    first_choice_share: spread(0.2578, 0.2487, 0.2665),
    unassigned: spread(unassigned, unassigned ? unassigned - 10 : 0, unassigned ? unassigned + 10 : 0),
    mean_distance_km: spread(0.689),
    p90_distance_km: spread(1.0607),
    schools_over_third_minority: spread(2.333, 2, 3),
    schools: [{ id: 'zs01', capacity: 25, enrolled: spread(18), minority_share: spread(0) }],
  };
}

const simulation = {
  scenario: 'brno',
  draws: 3,
  seed: 7,
  children: 4300,
  minority_children: 158,
  schools: 80,
  notes: {
    unassigned: "Unassigned children attend no school in the model: they are left out of M, H, D, the composition and the distances, and counted in 'unassigned'.",
    D: 'Index of dissimilarity between the minority group and all other children together.',
  },
  mechanisms: [
    mechanism('catchment', 0.7848),
    mechanism('boston', 0.757, 40.333),
    mechanism('da', 0.759),
    mechanism('da_reserves', 0.747),
    mechanism('controlled_choice', 0.757),
  ],
};

describe('Analýzy › Simulátor', () => {
  it('explains itself, runs the simulation and shows the policies side by side', async () => {
    const server = mockServer({ ...sessionRoutes(analyst), 'POST /api/v1/analytics/simulate': json(simulation) });
    const { user } = renderApp('/analytics/simulator');
    expect(await screen.findByRole('heading', { level: 1, name: 'Simulátor pravidel přijímání' })).toBeTruthy();
    expect(screen.getByText(/asi 4 300 dětí/)).toBeTruthy();
    expect(screen.getByText('Odložené přijetí (DA)')).toBeTruthy();
    const draws = screen.getByLabelText(/^Počet losování/) as HTMLInputElement;
    expect(draws.value).toBe('50');
    await user.clear(draws);
    await user.type(draws, '3');
    const seed = screen.getByLabelText(/^Semínko/);
    await user.clear(seed);
    await user.type(seed, '7');
    const link = screen.getByRole('link', { name: 'Stáhnout scénář (JSON)' });
    expect(link.getAttribute('href')).toBe('/api/v1/analytics/scenarios/brno?seed=7');
    expect(link.hasAttribute('download')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Spustit simulaci' }));

    const table = await screen.findByRole('table', { name: 'Výsledky simulace podle pravidla přijímání' });
    expect(server.callsTo('POST /api/v1/analytics/simulate')[0]?.body).toEqual({ draws: 3, seed: 7 });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Ukazatel', 'Spádovost', 'Přímé přijímání', 'Odložené přijetí (DA)', 'DA s rezervami', 'Řízená volba']);
    const dRow = within(table).getByRole('row', { name: /^D/ });
    expect(dRow.textContent).toContain('0,785');
    expect(dRow.textContent).toContain('0,765–0,805');
    const unassignedRow = within(table).getByRole('row', { name: /Nepřijaté děti/ });
    expect(unassignedRow.textContent).toContain('40,3');
    expect(within(table).getByRole('row', { name: /Přijetí na 1\. volbu/ }).textContent).toContain('25,8\u00a0%');
    expect(screen.getByText(/Modelové město: 4 300 dětí, z toho 158 z romské menšiny \(3,7 %\), 80 škol/)).toBeTruthy();
    // How unassigned children count, in Czech and as the server says it.
    expect(screen.getByRole('heading', { name: 'Jak se počítají nepřijaté děti' })).toBeTruthy();
    expect(screen.getByText(/do indexů M, H a D/)).toBeTruthy();
    expect(screen.getAllByText(/Unassigned children attend no school/).length).toBeGreaterThan(0);
    // A chart per measure, each with its table.
    expect(screen.getByRole('img', { name: /Index nepodobnosti D podle pravidla přijímání/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Index nepodobnosti D' })).toBeTruthy();
  });

  it('checks the numbers before asking the server', async () => {
    const server = mockServer({ ...sessionRoutes(analyst), 'POST /api/v1/analytics/simulate': json(simulation) });
    const { user } = renderApp('/analytics/simulator');
    const draws = await screen.findByLabelText(/^Počet losování/);
    await user.clear(draws);
    await user.type(draws, '501');
    await user.click(screen.getByRole('button', { name: 'Spustit simulaci' }));
    expect(await screen.findByText('Zadejte celé číslo od 1 do 500.')).toBeTruthy();
    expect(draws.getAttribute('aria-invalid')).toBe('true');
    expect(server.callsTo('POST /api/v1/analytics/simulate')).toHaveLength(0);
  });

  it("puts the server's field errors at their fields and shows other failures", async () => {
    const server = mockServer({
      ...sessionRoutes(analyst),
      'POST /api/v1/analytics/simulate': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'seed', message: 'The seed must be 0 or more.' },
      ]),
    });
    const { user } = renderApp('/analytics/simulator');
    await user.click(await screen.findByRole('button', { name: 'Spustit simulaci' }));
    expect(await screen.findByText('The seed must be 0 or more.')).toBeTruthy();
    expect(screen.getByLabelText(/^Semínko/).getAttribute('aria-invalid')).toBe('true');

    server.on('POST /api/v1/analytics/simulate', apiError(503, 'unavailable', 'Busy.'));
    await user.click(screen.getByRole('button', { name: 'Spustit simulaci' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Busy.');
  });

  it('shows progress, disables the button and can cancel the run', async () => {
    let release: (reply: MockReply) => void = () => undefined;
    mockServer({
      ...sessionRoutes(analyst),
      'POST /api/v1/analytics/simulate': () => new Promise<MockReply>((resolve) => (release = resolve)),
    });
    const { user } = renderApp('/analytics/simulator');
    await user.click(await screen.findByRole('button', { name: 'Spustit simulaci' }));
    const busy = await screen.findByRole('button', { name: /Simulace běží/ });
    expect(busy.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/Počítá se 50 losování/)).toBeTruthy();
    const fetchMock = vi.mocked(fetch);
    const signal = fetchMock.mock.calls.find((c) => String(c[0]).includes('simulate'))?.[1]?.signal;
    expect(signal?.aborted).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Zrušit výpočet' }));
    expect(signal?.aborted).toBe(true);
    expect(await screen.findByText('Výpočet byl zrušen. Můžete ho spustit znovu.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Spustit simulaci' }).hasAttribute('disabled')).toBe(false);
    // A late answer to the cancelled run shows nothing.
    release(json(simulation));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('heading', { name: 'Výsledky simulace' })).toBeNull();
  });
});

const segregationReport = {
  N: 66,
  M: 0.23896,
  H: 0.53037,
  D: 0.81818,
  D_groups: ['roma', 'other'],
  isolation: { roma: 0.609, other: 0.9218 },
  exposure: { roma: { roma: 0.609, other: 0.391 }, other: { roma: 0.0782, other: 0.9218 } },
  local: [
    { unit: 'A', ls: 0.6188, p: 0.2273 },
    { unit: 'B', ls: 0.0917, p: 0.4697 },
    { unit: 'C', ls: 0.1823, p: 0.303 },
  ],
  group: 'group',
  unit: 'unit',
};

const CSV = 'skupina;škola;počet\nroma;A;4\nroma;A;6\nother;A;5\nroma;B;1\nother;B;30\nother;C;20\n';

async function pasteCsv(user: ReturnType<typeof renderApp>['user'], text: string) {
  const area = await screen.findByLabelText(/^Tabulka CSV/);
  await user.click(area);
  await user.paste(text);
}

describe('Analýzy › Kalkulačka segregace', () => {
  it('reads the CSV, posts sums per group and unit, and shows M, H, D and local segregation', async () => {
    const server = mockServer({ ...sessionRoutes(analyst), 'POST /api/v1/analytics/segregation': json(segregationReport) });
    const { user } = renderApp('/analytics/segregation');
    await pasteCsv(user, CSV);
    expect(await screen.findByText('Načteno 6 řádků: 2 skupin, 3 jednotek.')).toBeTruthy();
    expect((screen.getByLabelText('Sloupec s vahou (počtem)', { exact: false }) as HTMLSelectElement).value).toBe('2');
    await user.selectOptions(screen.getByLabelText('První skupina'), 'roma');
    await user.selectOptions(screen.getByLabelText('Druhá skupina'), 'other');
    await user.click(screen.getByRole('button', { name: 'Spočítat' }));

    expect(await screen.findByText('D (roma × other)')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/analytics/segregation')[0]?.body).toEqual({
      rows: [
        { group: 'roma', unit: 'A', weight: 10 },
        { group: 'other', unit: 'A', weight: 5 },
        { group: 'roma', unit: 'B', weight: 1 },
        { group: 'other', unit: 'B', weight: 30 },
        { group: 'other', unit: 'C', weight: 20 },
      ],
      groups: ['roma', 'other'],
      local: true,
    });
    expect(screen.getByText('0,818')).toBeTruthy();
    expect(screen.getByText('0,239')).toBeTruthy();
    const exposure = screen.getByRole('table', { name: 'Izolace a expozice' });
    expect(within(exposure).getByRole('row', { name: /^roma/ }).textContent).toContain('0,391');

    const local = screen.getByRole('table', { name: 'Lokální segregace podle jednotek' });
    const units = () => within(local).getAllByRole('rowheader').map((c) => c.textContent);
    expect(units()).toEqual(['A', 'C', 'B']);
    await user.click(within(local).getByRole('button', { name: /Jednotka/ }));
    expect(units()).toEqual(['A', 'B', 'C']);
    expect(within(local).getByRole('columnheader', { name: /Jednotka/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('img', { name: /příspěvek každé jednotky k indexu M/ })).toBeTruthy();
  });

  it('names the lines of the file it cannot read and posts nothing', async () => {
    const server = mockServer({ ...sessionRoutes(analyst), 'POST /api/v1/analytics/segregation': json(segregationReport) });
    const { user } = renderApp('/analytics/segregation');
    await pasteCsv(user, 'skupina;škola;počet\nroma;A;4\nother;A;x\n;B;2\n');
    await user.click(screen.getByRole('button', { name: 'Spočítat' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Řádek 3: váha „x“ není číslo');
    expect(alert.textContent).toContain('Řádek 4: chybí skupina');
    expect(server.callsTo('POST /api/v1/analytics/segregation')).toHaveLength(0);
  });

  it("shows the server's row errors with the CSV lines they came from", async () => {
    mockServer({
      ...sessionRoutes(analyst),
      'POST /api/v1/analytics/segregation': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'rows[1].weight', message: 'The weight must be a number, 0 or more.' },
      ]),
    });
    const { user } = renderApp('/analytics/segregation');
    await pasteCsv(user, CSV);
    await user.click(screen.getByRole('button', { name: 'Spočítat' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Server data odmítl');
    expect(alert.textContent).toContain('rows[1].weight (řádky CSV 4): The weight must be a number, 0 or more.');
  });

  it('says why the table cannot be measured', async () => {
    mockServer({
      ...sessionRoutes(analyst),
      'POST /api/v1/analytics/segregation': apiError(400, 'invalid_request', 'Cannot compute segregation: the group variable is constant'),
    });
    const { user } = renderApp('/analytics/segregation');
    await pasteCsv(user, 'g,u\nroma,A\nroma,B\n');
    await user.click(screen.getByRole('button', { name: 'Spočítat' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Segregaci nelze spočítat');
    expect(alert.textContent).toContain('the group variable is constant');
  });
});

function school(id: number, name: string, share: number, status: string) {
  return { id, name, minority_share: share, status, local_ls: 0.5, local_p: 0.02 };
}

const schoolYears = {
  level: 'zs',
  weights: 'Each school\'s latest estimated Roma share times its registered capacity (enrolment per school is not public).',
  years: [
    { school_year: '2025/26', N: 4269, M: 0.12, H: 0.3, D: 0.55, schools_without_capacity: 2, schools: [school(1, 'ZŠ Cejl', 0.92, 'almost_all'), school(2, 'ZŠ Husova', 0.05, 'none')] },
    { school_year: '2024/25', N: 4100, M: 0.14, H: 0.32, D: 0.6, schools: [school(1, 'ZŠ Cejl', 0.4, 'over_third')] },
  ],
};

describe('Analýzy › Školy v Brně', () => {
  it('shows the trend across years and the schools of the latest year', async () => {
    const server = mockServer({ ...sessionRoutes(analyst), 'GET /api/v1/analytics/school-segregation': json(schoolYears) });
    const { user } = renderApp('/analytics');
    expect(await screen.findByRole('heading', { level: 1, name: 'Analýzy' })).toBeTruthy();
    const trend = await screen.findByRole('table', { name: 'Vývoj segregace podle školních let' });
    const years = within(trend).getAllByRole('rowheader').map((c) => c.textContent);
    expect(years).toEqual(['2024/25', '2025/26']);
    expect(within(trend).getByRole('row', { name: /2025\/26/ }).textContent).toContain('4\u00a0269');
    expect(screen.getByRole('img', { name: /Spojnicový graf indexů M, H a D/ })).toBeTruthy();
    expect(server.callsTo('GET /api/v1/analytics/school-segregation')[0]?.query.get('level')).toBe('zs');

    const schools = screen.getByRole('table', { name: 'Školy ve školním roce 2025/26' });
    const cejl = within(schools).getByRole('row', { name: /ZŠ Cejl/ });
    expect(cejl.textContent).toContain('92,0\u00a0%');
    expect(cejl.textContent).toContain('téměř všichni');
    expect(screen.getByText('Škol s odhadem, ale bez kapacity v rejstříku (nezapočteny): 2.')).toBeTruthy();
    expect(screen.getByText(/kapacitou z rejstříku škol/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Školní rok'), '2024/25');
    const older = screen.getByRole('table', { name: 'Školy ve školním roce 2024/25' });
    expect(within(older).getByRole('row', { name: /ZŠ Cejl/ }).textContent).toContain('víc než třetina');
  });

  it('says honestly when there are no estimates yet', async () => {
    mockServer({ ...sessionRoutes(analyst), 'GET /api/v1/analytics/school-segregation': json({ level: 'ms', years: [] }) });
    renderApp('/analytics?level=ms');
    expect(await screen.findByText('Zatím žádné odhady složení škol — zadejte je u škol v části Školy.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Přejít do části Školy' }).getAttribute('href')).toBe('/schools');
    expect((screen.getByLabelText('Stupeň') as HTMLSelectElement).value).toBe('ms');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when the server does not offer the overview and retries other failures', async () => {
    const server = mockServer({
      ...sessionRoutes(analyst),
      'GET /api/v1/analytics/school-segregation': apiError(404, 'not_found', 'There is nothing at this address.'),
    });
    renderApp('/analytics');
    expect(await screen.findByRole('heading', { name: 'Přehled segregace škol zatím není k dispozici' })).toBeTruthy();

    server.on('GET /api/v1/analytics/school-segregation', apiError(500, 'internal', 'Boom.'));
    const second = renderApp('/analytics?level=ms');
    const alert = await within(second.container).findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('Boom.');
    server.on('GET /api/v1/analytics/school-segregation', json(schoolYears));
    await second.user.click(within(second.container).getByRole('button', { name: 'Zkusit znovu' }));
    await waitFor(() => expect(within(second.container).getByRole('table', { name: 'Vývoj segregace podle školních let' })).toBeTruthy());
  });
});
