import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes } from '@/testing/mock-server';
import { makeFamily, makePerson } from '@/testing/registry-fixtures';
import { makeSchoolItem, schoolsReply } from '@/testing/schools-fixtures';
import { move } from '../components/TargetSchoolsEditor';
import { makeCase, makePathway } from '../testing-fixtures';

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });
const catchment = { kod_adm: 21234567, level: 'zs', school: { id: 2, izo: '999000102', name: 'ZŠ Vzorová 12 (fiktivní)', address: null } };

configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Zápis › nový zápis', () => {
  it('shows the catchment school for the chosen level and opens the case', async () => {
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/people/11': json(makePerson()),
      'GET /api/v1/families/5': json(makeFamily()),
      'GET /api/v1/catchment': json(catchment),
      'POST /api/v1/enrollment-cases': json(makeCase({ id: 41, stage: 'preparation', target_schools: [] }), 201),
      'GET /api/v1/enrollment-cases/41/pathway': json(makePathway(makeCase({ id: 41, stage: 'preparation', target_schools: [] }))),
    });
    renderApp('/enrollment/new?person=11');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nový zápis' })).toBeTruthy();
    expect(await screen.findByText('Jana Dvořáková')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText(/^Stupeň/), 'zs');
    expect(await screen.findByText('ZŠ Vzorová 12 (fiktivní) (IZO 999000102)')).toBeTruthy();
    expect(server.callsTo('GET /api/v1/catchment')[0]!.query.get('level')).toBe('zs');
    await userEvent.click(screen.getByLabelText(/Zvažuje se odklad/));
    await userEvent.click(screen.getByRole('button', { name: 'Otevřít zápis' }));
    expect(await screen.findByText(/Zápis je otevřen/)).toBeTruthy();
    expect(server.callsTo('POST /api/v1/enrollment-cases')[0]!.body).toEqual({
      person_id: 11,
      school_year: 2027,
      level: 'zs',
      deferral_considered: true,
    });
  });

  it('puts the server field errors at the fields and keeps what was typed', async () => {
    mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/people/11': json(makePerson()),
      'GET /api/v1/families/5': json(makeFamily({ address: { ...makeFamily().address, kod_adm: null } })),
      'POST /api/v1/enrollment-cases': apiError(422, 'validation_failed', 'Neplatné údaje.', [
        { field: 'school_year', message: 'Školní rok je mimo rozsah.' },
      ]),
    });
    renderApp('/enrollment/new?person=11');
    await userEvent.selectOptions(await screen.findByLabelText(/^Stupeň/), 'ms');
    expect(screen.getByText(/Rodina nemá kód adresního místa/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Poznámka'), 'Maminka chce školku blízko.');
    await userEvent.click(screen.getByRole('button', { name: 'Otevřít zápis' }));
    expect(await screen.findByText('Školní rok je mimo rozsah.')).toBeTruthy();
    expect((screen.getByLabelText('Poznámka') as HTMLTextAreaElement).value).toBe('Maminka chce školku blízko.');
  });

  it('requires a level before sending', async () => {
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/people/11': json(makePerson()),
      'GET /api/v1/families/5': json(makeFamily()),
    });
    renderApp('/enrollment/new?person=11');
    await userEvent.click(await screen.findByRole('button', { name: 'Otevřít zápis' }));
    const level = screen.getByLabelText(/^Stupeň/);
    await waitFor(() => expect(level.getAttribute('aria-invalid')).toBe('true'));
    expect(server.callsTo('POST /api/v1/enrollment-cases')).toHaveLength(0);
  });

  it('lets a worker pick a child from the search first', async () => {
    mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/people': json({
        items: [
          { id: 11, given_names: 'Jana', surname: 'Dvořáková', preferred_name: null, birth_date: '2019-05-10', role: 'child', family_id: 5, family_name: 'Dvořákovi' },
          { id: 10, given_names: 'Marie', surname: 'Dvořáková', preferred_name: null, birth_date: '1990-01-01', role: 'adult', family_id: 5, family_name: 'Dvořákovi' },
        ],
        total: 2,
        page: 1,
        page_size: 25,
      }),
      'GET /api/v1/people/11': json(makePerson()),
      'GET /api/v1/families/5': json(makeFamily()),
    });
    renderApp('/enrollment/new');
    await userEvent.type(await screen.findByLabelText('Jméno dítěte'), 'dvor');
    await userEvent.click(screen.getByRole('button', { name: 'Hledat' }));
    const pick = await screen.findByRole('button', { name: /Jana Dvořáková/ });
    expect(screen.queryByRole('button', { name: /Marie/ })).toBeNull();
    await userEvent.click(pick);
    expect(await screen.findByRole('heading', { name: 'Údaje zápisu' })).toBeTruthy();
  });
});

describe('Zápis › cílové školy', () => {
  const a = { id: 1, izo: '999000101', name: 'ZŠ Ukázková 1 (fiktivní)', type: 'zs' };
  const b = { id: 3, izo: '999000103', name: 'ZŠ Příkladná 3 (fiktivní)', type: 'zs' };

  it('adds from the schools list, reorders and saves with the version', async () => {
    const c = makeCase({ target_schools: [a] });
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/enrollment-cases/7/pathway': json(makePathway(c)),
      'GET /api/v1/schools': schoolsReply([makeSchoolItem({ id: 3, izo: b.izo, name: b.name }), makeSchoolItem({ id: 9, name: 'MŠ Jiná (fiktivní)', type: 'ms' })]),
      'PATCH /api/v1/enrollment-cases/7': json(makeCase({ version: 4, target_schools: [b, a] })),
    });
    renderApp('/enrollment/7');
    await userEvent.click(await screen.findByRole('button', { name: 'Upravit cílové školy' }));
    await userEvent.type(screen.getByLabelText('Najít školu'), 'prikl');
    fireEvent.submit(screen.getByLabelText('Najít školu').closest('form')!);
    const found = await screen.findByRole('list', { name: 'Nalezené školy' });
    expect(within(found).queryByText(/MŠ Jiná/)).toBeNull();
    await userEvent.click(within(found).getByRole('button', { name: `Přidat ${b.name}` }));
    await userEvent.click(screen.getByRole('button', { name: `Posunout ${b.name} výš` }));
    await userEvent.click(screen.getByRole('button', { name: 'Uložit pořadí' }));
    expect(await screen.findByText('Cílové školy jsou uloženy.')).toBeTruthy();
    expect(server.callsTo('PATCH /api/v1/enrollment-cases/7')[0]!.body).toEqual({ version: 3, target_school_ids: [3, 1] });
  });

  it('says so when someone else saved first (409) and shows the error of the list at the list', async () => {
    const server = mockServer({
      ...sessionRoutes(worker),
      'GET /api/v1/enrollment-cases/7/pathway': json(makePathway(makeCase({ target_schools: [a, b] }))),
      'GET /api/v1/schools': schoolsReply([]),
      'PATCH /api/v1/enrollment-cases/7': apiError(409, 'conflict', 'Záznam mezitím změnil někdo jiný.'),
    });
    renderApp('/enrollment/7');
    await userEvent.click(await screen.findByRole('button', { name: 'Upravit cílové školy' }));
    await userEvent.click(screen.getByRole('button', { name: `Odebrat ${a.name}` }));
    await userEvent.click(screen.getByRole('button', { name: 'Uložit pořadí' }));
    expect(await screen.findByText('Mezitím případ upravil někdo jiný')).toBeTruthy();
    expect(server.callsTo('PATCH /api/v1/enrollment-cases/7')[0]!.body).toEqual({ version: 3, target_school_ids: [3] });
    server.on(
      'PATCH /api/v1/enrollment-cases/7',
      apiError(422, 'validation_failed', 'Neplatné údaje.', [{ field: 'target_school_ids', message: 'Škola 3 nepřijímá děti tohoto stupně.' }]),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Uložit pořadí' }));
    expect(await screen.findByText('Škola 3 nepřijímá děti tohoto stupně.')).toBeTruthy();
  });

  it('moves within bounds', () => {
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(move([1, 2, 3], 1, 1)).toEqual([1, 3, 2]);
  });
});
