// Školy: creating and editing a school (field errors at the fields, IZO taken, stale version) and the
// segregation thresholds (coordinators edit; others read).
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes } from '@/testing/mock-server';
import { makeSchoolDetail, thresholdsReply, windowsReply } from '@/testing/schools-fixtures';
import { parseDecimal, toSchoolBody, valuesFromSchool } from '../lib/school-form';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const coordinator = makeUser({ id: 2, username: 'koordinator', role: 'coordinator' });
const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });

function errorFor(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((el) => el?.className === 'field__error')?.textContent ?? null;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const detailRoutes = {
  'GET /api/v1/settings/segregation-thresholds': thresholdsReply,
  'GET /api/v1/zapis-windows': windowsReply,
  'GET /api/v1/incidents': json({ items: [], total: 0, page: 1, page_size: 50 }),
  'GET /api/v1/incidents/stats': json({ by_school: [], by_type: [], total: 0, suppressed: [], suppression_threshold: 0 }),
};

describe('Školy › nová škola', () => {
  it('checks the fields, shows an IZO already used at the IZO field and creates the school', async () => {
    const created = makeSchoolDetail({ id: 31, izo: '123456789', name: 'ZŠ Nová (fiktivní)', red_izo: null });
    const server = mockServer({
      ...sessionRoutes(coordinator),
      ...detailRoutes,
      'POST /api/v1/schools': apiError(409, 'conflict', 'IZO 123456789 už má jiná škola.', [{ field: 'izo', message: 'IZO už má jiná škola.' }]),
      'GET /api/v1/schools/31': json(created),
    });
    renderApp('/schools/new');
    const izo = await screen.findByLabelText(/^IZO/);
    await userEvent.type(izo, '12a');
    await userEvent.type(screen.getByLabelText(/^Zeměpisná šířka/), '95');
    await userEvent.click(screen.getByRole('button', { name: 'Založit školu' }));
    await waitFor(() => expect(errorFor(izo)).toContain('IZO má 6–9 číslic.'));
    expect(errorFor(screen.getByLabelText(/^Název/))).toContain('Vyplňte prosím toto pole.');
    expect(errorFor(screen.getByLabelText(/^Zeměpisná šířka/))).toContain('Šířka je číslo od −90 do 90.');
    expect(server.callsTo('POST /api/v1/schools')).toHaveLength(0);

    await userEvent.clear(izo);
    await userEvent.type(izo, '123456789');
    await userEvent.type(screen.getByLabelText(/^Název/), 'ZŠ Nová (fiktivní)');
    await userEvent.clear(screen.getByLabelText(/^Zeměpisná šířka/));
    await userEvent.type(screen.getByLabelText(/^Zeměpisná šířka/), '49,195');
    await userEvent.type(screen.getByLabelText(/^Kapacita/), '300');
    await userEvent.click(screen.getByRole('button', { name: 'Založit školu' }));
    await waitFor(() => expect(errorFor(izo)).toContain('IZO už má jiná škola.'));

    server.on('POST /api/v1/schools', json(created, 201));
    await userEvent.click(screen.getByRole('button', { name: 'Založit školu' }));
    expect(await screen.findByText('Škola je založena.')).toBeTruthy();
    const body = server.callsTo('POST /api/v1/schools')[1]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ izo: '123456789', name: 'ZŠ Nová (fiktivní)', type: 'zs', red_izo: null, capacity: 300 });
    expect(body.coordinates).toEqual({ latitude: 49.195, longitude: null });
  });

  it('tells other roles that coordinators create schools', async () => {
    mockServer({ ...sessionRoutes(worker) });
    renderApp('/schools/new');
    expect(await screen.findByText('Školy zakládají a upravují koordinátoři.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Založit školu' })).toBeNull();
  });
});

describe('Školy › upravit školu', () => {
  it('puts server field errors at the fields, then on a stale version shows both and keeps mine', async () => {
    const school = makeSchoolDetail();
    const theirs = makeSchoolDetail({ version: 3, district: 'Brno-sever', capacity: 600 });
    const server = mockServer({
      ...sessionRoutes(coordinator),
      ...detailRoutes,
      'GET /api/v1/schools/7': json(school),
      'PATCH /api/v1/schools/7': apiError(422, 'validation_failed', 'Neplatné údaje.', [
        { field: 'founder.ico', message: 'IČO má 8 číslic.' },
      ]),
    });
    renderApp('/schools/7/edit');
    const capacity = await screen.findByLabelText(/^Kapacita/);
    await userEvent.clear(capacity);
    await userEvent.type(capacity, '560');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit změny' }));
    await waitFor(() => expect(errorFor(screen.getByLabelText(/^IČO zřizovatele/))).toContain('IČO má 8 číslic.'));
    expect(server.callsTo('PATCH /api/v1/schools/7')[0]!.body).toMatchObject({ version: 2, capacity: 560 });

    server.on('PATCH /api/v1/schools/7', apiError(409, 'conflict', 'Záznam mezitím změnil někdo jiný (verze 2, nyní 3).'));
    server.on('GET /api/v1/schools/7', json(theirs));
    await userEvent.click(screen.getByRole('button', { name: 'Uložit změny' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Brno-sever')).toBeTruthy();
    server.on('PATCH /api/v1/schools/7', json({ ...theirs, version: 4, capacity: 560 }));
    await userEvent.click(screen.getByRole('button', { name: 'Uložit mou úpravu' }));
    expect(await screen.findByText('Změny školy jsou uloženy.')).toBeTruthy();
    expect(server.callsTo('PATCH /api/v1/schools/7')[2]!.body).toMatchObject({ version: 3, capacity: 560 });
  });

  it('turns a school into form values and back without losing anything', () => {
    const s = makeSchoolDetail();
    const body = toSchoolBody(valuesFromSchool(s));
    expect(body).toMatchObject({ izo: s.izo, red_izo: s.red_izo, capacity: s.capacity, ruian_code: s.ruian_code, founder: s.founder });
    expect(body.coordinates).toEqual({ latitude: 49.2, longitude: 16.61 });
    expect(parseDecimal('16,61')).toBe(16.61);
    expect(parseDecimal('')).toBeNull();
    expect(Number.isNaN(parseDecimal('x'))).toBe(true);
  });
});

describe('Školy › prahy segregace', () => {
  it('lets a coordinator change the thresholds, refusing ones that do not increase', async () => {
    const server = mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/settings/segregation-thresholds': thresholdsReply,
      'PUT /api/v1/settings/segregation-thresholds': json({ more_than_third: 0.3, more_than_half: 0.5, almost_all: 0.85 }),
    });
    renderApp('/schools/thresholds');
    const third = await screen.findByLabelText(/^Více než třetina/);
    expect((third as HTMLInputElement).value).toBe('33.33');
    const all = screen.getByLabelText(/^Téměř všichni/);
    await userEvent.clear(all);
    await userEvent.type(all, '40');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit prahy' }));
    await waitFor(() => expect(errorFor(all)).toContain('Každý práh musí být vyšší než předchozí.'));
    expect(server.callsTo('PUT /api/v1/settings/segregation-thresholds')).toHaveLength(0);
    await userEvent.clear(all);
    await userEvent.type(all, '85');
    await userEvent.clear(third);
    await userEvent.type(third, '30');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit prahy' }));
    expect(await screen.findByText(/Prahy jsou uloženy/)).toBeTruthy();
    expect(server.callsTo('PUT /api/v1/settings/segregation-thresholds')[0]!.body).toEqual({
      more_than_third: 0.3,
      more_than_half: 0.5,
      almost_all: 0.85,
    });
  });

  it('shows the thresholds to a worker without a form', async () => {
    mockServer({ ...sessionRoutes(worker), 'GET /api/v1/settings/segregation-thresholds': thresholdsReply });
    renderApp('/schools/thresholds');
    expect(await screen.findByText('33,33 %')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Uložit prahy' })).toBeNull();
  });
});

describe('Školy › Incidenty', () => {
  it('lives under Školy: the side navigation marks Školy and the tabs lead to incidents', async () => {
    mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/incidents': json({ items: [], total: 0, page: 1, page_size: 50 }),
      'GET /api/v1/incidents/stats': json({ rows: [], by_type: [], total: 0, suppressed: false, suppression_threshold: 5 }),
    });
    renderApp('/incidents');
    const nav = await screen.findByRole('navigation', { name: /Hlavní|navigace/i });
    expect(within(nav).getByRole('link', { name: 'Školy' }).getAttribute('aria-current')).toBe('page');
    const tabs = screen.getByRole('navigation', { name: 'Části Škol' });
    expect(within(tabs).getByRole('link', { name: 'Incidenty' }).getAttribute('aria-current')).toBe('page');
  });
});
