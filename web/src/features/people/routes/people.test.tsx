import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, noContent, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';
import { districts, makeFamily, makePerson } from '@/testing/registry-fixtures';
import type { User } from '@/types/user';

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });
const coordinator = makeUser({ id: 2, username: 'koordinator', role: 'coordinator' });

function errorFor(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((el) => el?.className === 'field__error')?.textContent ?? null;
}

function routes(user: User = worker, extra = {}) {
  return {
    ...sessionRoutes(user),
    'GET /api/v1/districts': districts,
    'GET /api/v1/users': apiError(403, 'forbidden', 'Admins only.'),
    'GET /api/v1/families/5': json(makeFamily()),
    'GET /api/v1/people/11': json(makePerson()),
    // documents section (issue 5)
    'GET /api/v1/document-templates': json({ items: [] }),
    'GET /api/v1/people/11/documents': json({ items: [] }),
    'GET /api/v1/people/12/documents': json({ items: [] }),
    ...extra,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

type U = ReturnType<typeof renderApp>['user'];

async function fillChild(user: U, rc = '') {
  await user.type(await screen.findByLabelText(/^Jméno/), 'Tomáš');
  await user.type(screen.getByLabelText(/^Příjmení/), 'Dvořák');
  await user.selectOptions(screen.getByLabelText(/^Pohlaví/), 'male');
  await user.type(screen.getByLabelText(/^Datum narození/), '2015-01-01');
  if (rc) await user.type(screen.getByLabelText(/^Rodné číslo/), rc);
}

describe('Nový člen rodiny', () => {
  it('checks birth date and rodné číslo (checksum, date match) before sending', async () => {
    const server = mockServer(routes());
    const { user } = renderApp('/families/5/people/new');
    await user.type(await screen.findByLabelText(/^Jméno/), 'Tomáš');
    await user.type(screen.getByLabelText(/^Příjmení/), 'Dvořák');
    await user.type(screen.getByLabelText(/^Datum narození/), '2027-01-01');
    await user.type(screen.getByLabelText(/^Rodné číslo/), '150101/0006');
    await user.click(screen.getByRole('button', { name: 'Uložit člena rodiny' }));
    expect(errorFor(screen.getByLabelText(/^Datum narození/))).toBe('Chyba: Datum nesmí být v budoucnosti.');
    expect(errorFor(screen.getByLabelText(/^Rodné číslo/))).toBe('Chyba: Rodné číslo nemá správnou kontrolní číslici. Zkontrolujte ho.');
    const rc = screen.getByLabelText(/^Rodné číslo/);
    await user.clear(rc);
    await user.type(rc, '150101/0005');
    const birth = screen.getByLabelText(/^Datum narození/);
    await user.clear(birth);
    await user.type(birth, '2015-01-02');
    await user.click(screen.getByRole('button', { name: 'Uložit člena rodiny' }));
    expect(errorFor(rc)).toBe('Chyba: Datum v rodném čísle neodpovídá datu narození.');
    expect(server.callsTo('POST /api/v1/people')).toHaveLength(0);
  });

  it('shows the server 422 at the fields and keeps what was typed', async () => {
    mockServer(
      routes(worker, {
        'POST /api/v1/people': apiError(422, 'validation_failed', 'Some fields are invalid.', [
          { field: 'rodne_cislo', message: 'This birth number is not valid.' },
          { field: 'contact.email', message: 'Not an email address.' },
        ]),
      }),
    );
    const { user } = renderApp('/families/5/people/new');
    await fillChild(user, '150101/0005');
    await user.click(screen.getByRole('button', { name: 'Uložit člena rodiny' }));
    await waitFor(() => expect(errorFor(screen.getByLabelText(/^Rodné číslo/))).toBe('Chyba: This birth number is not valid.'));
    expect(errorFor(screen.getByLabelText(/^E-mail/))).toBe('Chyba: Not an email address.');
    expect((screen.getByLabelText(/^Jméno/) as HTMLInputElement).value).toBe('Tomáš');
    expect((screen.getByLabelText(/^Rodné číslo/) as HTMLInputElement).value).toBe('150101/0005');
  });

  it('on a likely duplicate (409) shows the candidates and can save anyway with confirm_not_duplicate', async () => {
    const created = makePerson({ id: 12, given_names: 'Tomáš', surname: 'Dvořák', birth_date: '2015-01-01', gender: 'male', consents: [] });
    const server = mockServer(
      routes(worker, {
        'POST /api/v1/people': (req: RecordedRequest) =>
          (req.body as { confirm_not_duplicate?: boolean }).confirm_not_duplicate
            ? json(created, 201)
            : apiError(409, 'conflict', 'A person like this may already exist.', undefined, {
                candidates: [{ id: 31, given_names: 'Tomáš', surname: 'Dvořák', birth_date: '2015-01-01', family_id: 9, family_name: 'Dvořákovi (Francouzská)' }],
              }),
        'GET /api/v1/people/12': json(created),
      }),
    );
    const { user, router } = renderApp('/families/5/people/new');
    await fillChild(user);
    await user.click(screen.getByRole('button', { name: 'Uložit člena rodiny' }));
    expect(await screen.findByText('Tato osoba už možná v evidenci je')).toBeTruthy();
    const open = screen.getByRole('link', { name: 'Otevřít existující záznam Tomáš Dvořák' });
    expect(open.getAttribute('href')).toBe('/people/31');
    expect(screen.getByText(/rodina Dvořákovi \(Francouzská\)/)).toBeTruthy();
    expect((screen.getByLabelText(/^Jméno/) as HTMLInputElement).value).toBe('Tomáš');
    await user.click(screen.getByRole('button', { name: 'Je to jiná osoba — přesto uložit' }));
    expect(await screen.findByText('Člen rodiny byl uložen. Zaznamenejte jeho souhlasy.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/people/12');
    const posts = server.callsTo('POST /api/v1/people').map((c) => c.body as Record<string, unknown>);
    expect(posts[0]).toMatchObject({ family_id: 5, given_names: 'Tomáš', surname: 'Dvořák', birth_date: '2015-01-01', gender: 'male', role: 'child' });
    expect(posts[0]).not.toHaveProperty('confirm_not_duplicate');
    expect(posts[1]).toMatchObject({ given_names: 'Tomáš', confirm_not_duplicate: true });
  });

  it('explains a rodné číslo clash outside the worker scope (409, no candidates)', async () => {
    mockServer(routes(worker, { 'POST /api/v1/people': apiError(409, 'conflict', 'Duplicate birth number.', undefined, { candidates: [] }) }));
    const { user } = renderApp('/families/5/people/new');
    await fillChild(user, '150101/0005');
    await user.click(screen.getByRole('button', { name: 'Uložit člena rodiny' }));
    expect(await screen.findByText(/v rodině, kterou nevidíte/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Je to jiná osoba — přesto uložit' })).toBeTruthy();
  });
});

describe('Úprava osoby', () => {
  it('sends only what changed; on a stale version shows mine and the stored one and keeps mine on request', async () => {
    const theirs = makePerson({ version: 3, surname: 'Dvořáková-Nová', contact: { ...makePerson().contact, phones: ['+420 600 000 000'] } });
    const server = mockServer(
      routes(worker, {
        'PATCH /api/v1/people/11': (req: RecordedRequest) =>
          (req.body as { version: number }).version === 2
            ? apiError(409, 'conflict', 'Changed by someone else.', undefined, { current: theirs })
            : json({ ...theirs, preferred_name: 'Janička', version: 4 }),
      }),
    );
    const { user, router } = renderApp('/people/11/edit');
    await user.type(await screen.findByLabelText(/^Oslovení/), 'Janička');
    expect(screen.getByText('Uloženo: 195510/****. Nechte prázdné, pokud ho neměníte.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Údaje mezitím upravil někdo jiný')).toBeTruthy();
    const table = within(alert).getByRole('table');
    expect(within(table).getByRole('row', { name: /^Příjmení/ }).textContent).toBe('PříjmeníDvořáková-NováDvořáková-Nová');
    expect(within(table).getByRole('row', { name: /^Oslovení/ }).textContent).toBe('OsloveníJanička (liší se)—');
    await user.click(within(alert).getByRole('button', { name: 'Uložit mou úpravu' }));
    expect(await screen.findByText('Změny byly uloženy.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/people/11');
    expect(server.callsTo('PATCH /api/v1/people/11').map((c) => c.body)).toEqual([
      { version: 2, preferred_name: 'Janička' },
      { version: 3, preferred_name: 'Janička' },
    ]);
  });

  it('takes the stored version when asked', async () => {
    const theirs = makePerson({ version: 3, surname: 'Dvořáková-Nová' });
    mockServer(routes(worker, { 'PATCH /api/v1/people/11': apiError(409, 'conflict', 'Changed.', undefined, { current: theirs }) }));
    const { user } = renderApp('/people/11/edit');
    await user.type(await screen.findByLabelText(/^Oslovení/), 'Janička');
    await user.click(screen.getByRole('button', { name: 'Uložit změny' }));
    await user.click(await screen.findByRole('button', { name: 'Ponechat uloženou verzi' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((screen.getByLabelText(/^Příjmení/) as HTMLInputElement).value).toBe('Dvořáková-Nová');
    expect((screen.getByLabelText(/^Oslovení/) as HTMLInputElement).value).toBe('');
  });
});

describe('Stránka osoby', () => {
  it('shows who the person is, relationships, consents and participation, without the GDPR tools for a worker', async () => {
    mockServer(routes());
    renderApp('/people/11');
    expect(await screen.findByRole('heading', { level: 1, name: 'Jana Dvořáková' })).toBeTruthy();
    expect(screen.getByText('195510/****')).toBeTruthy();
    const rel = screen.getByRole('region', { name: 'Vztahy' });
    expect(rel.textContent).toContain('Marie Dvořáková — matka');
    expect(rel.textContent).toContain('zákonný zástupce');
    const part = screen.getByRole('region', { name: 'Účast v projektu (ESF+)' });
    expect(part.textContent).toContain('1. 2. 2026 – dosud');
    expect(part.textContent).toContain('Bez domova nebo vyloučen z bydleníano');
    expect(screen.queryByRole('heading', { name: 'Ochrana osobních údajů' })).toBeNull();
    expect(screen.queryByText('Zvláštní kategorie údajů (citlivé)')).toBeNull();
    expect(await screen.findByRole('link', { name: 'Dvořákovi' })).toBeTruthy();
  });

  it('says when the person does not exist or is out of scope (404)', async () => {
    mockServer(routes(worker, { 'GET /api/v1/people/11': apiError(404, 'not_found', 'No such person.') }));
    renderApp('/people/11');
    expect(await screen.findByRole('heading', { name: 'Osoba nebyla nalezena' })).toBeTruthy();
  });

  it('special-category data: collapsed, says who may see it, read only when opened; 422 consent at the answer', async () => {
    const server = mockServer(
      routes(worker, {
        'GET /api/v1/people/11': json(makePerson({ special_category_visible: true, special_category: [] })),
        'GET /api/v1/people/11/special-category': json({
          items: [{ id: 1, category: 'health', value: 'refused', note: null, recorded_on: '2026-03-01', recorded_by: 'terenni', consent_id: null }],
        }),
        'POST /api/v1/people/11/special-category': apiError(422, 'validation_failed', 'Some fields are invalid.', [
          { field: 'consent', message: 'A valid special_category consent is needed for yes/no.' },
        ]),
      }),
    );
    const { user } = renderApp('/people/11');
    const summary = await screen.findByText('Zvláštní kategorie údajů (citlivé)');
    expect(server.callsTo('GET /api/v1/people/11/special-category')).toHaveLength(0);
    await user.click(summary);
    expect(screen.getByText(/Vidí jen pracovníci, kterým správce přidělil oprávnění/)).toBeTruthy();
    expect(
      await screen.findByText((_, el) => el?.className === 'record__title' && el.textContent === 'Zdravotní stav: odmítl/a odpovědět'),
    ).toBeTruthy();
    expect(screen.getByText(/Osoba nemá platný souhlas se zpracováním citlivých údajů/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/^Odpověď/), 'yes');
    await user.click(screen.getByRole('button', { name: 'Zapsat' }));
    await waitFor(() =>
      expect(errorFor(screen.getByLabelText(/^Odpověď/))).toBe('Chyba: A valid special_category consent is needed for yes/no.'),
    );
    expect(server.callsTo('GET /api/v1/people/11/special-category')).toHaveLength(1);
  });

  it('consent form: expiry before the date given is refused; a server 422 lands at the representative', async () => {
    const server = mockServer(
      routes(worker, {
        'POST /api/v1/people/11/consents': apiError(422, 'validation_failed', 'Some fields are invalid.', [
          { field: 'representative_id', message: 'This person is not a legal representative of the child.' },
        ]),
      }),
    );
    const { user } = renderApp('/people/11');
    await user.click(await screen.findByRole('button', { name: 'Zaznamenat souhlas' }));
    const form = screen.getByRole('form', { name: 'Nový souhlas' });
    expect((within(form).getByLabelText(/^Zákonný zástupce/) as HTMLSelectElement).value).toBe('10');
    await user.type(within(form).getByLabelText(/^Platí do/), '2026-01-01');
    await user.click(within(form).getByRole('button', { name: 'Uložit souhlas' }));
    expect(errorFor(within(form).getByLabelText(/^Platí do/))).toBe('Chyba: Platnost nesmí skončit dřív, než byl souhlas udělen.');
    expect(server.callsTo('POST /api/v1/people/11/consents')).toHaveLength(0);
    await user.clear(within(form).getByLabelText(/^Platí do/));
    await user.click(within(form).getByRole('button', { name: 'Uložit souhlas' }));
    await waitFor(() =>
      expect(errorFor(within(form).getByLabelText(/^Zákonný zástupce/))).toBe('Chyba: This person is not a legal representative of the child.'),
    );
    expect(server.callsTo('POST /api/v1/people/11/consents')[0]?.body).toEqual({
      purpose: 'casework',
      school: null,
      given_by: 'legal_representative',
      representative_id: 10,
      given_on: '2026-11-28',
      form: 'signed_paper',
      expires_on: null,
    });
  });

  it('participation: exit before entry and exit without a reason are refused; an exit is sent with the version', async () => {
    const server = mockServer(routes(worker, { 'PATCH /api/v1/participation/80': noContent() }));
    const { user } = renderApp('/people/11');
    await user.click(await screen.findByRole('button', { name: 'Zaznamenat výstup' }));
    const form = screen.getByRole('form', { name: 'Účast v projektu' });
    await user.type(within(form).getByLabelText(/^Datum výstupu/), '2026-01-15');
    await user.click(within(form).getByRole('button', { name: 'Uložit změny' }));
    expect(errorFor(within(form).getByLabelText(/^Datum výstupu/))).toBe('Chyba: Datum výstupu nesmí být dřív než datum vstupu.');
    expect(errorFor(within(form).getByLabelText(/^Důvod výstupu/))).toBe('Chyba: K výstupu uveďte důvod.');
    await user.clear(within(form).getByLabelText(/^Datum výstupu/));
    await user.type(within(form).getByLabelText(/^Datum výstupu/), '2026-11-27');
    await user.type(within(form).getByLabelText(/^Důvod výstupu/), 'Dítě nastoupilo do ZŠ.');
    await user.click(within(form).getByRole('button', { name: 'Uložit změny' }));
    await waitFor(() => expect(server.callsTo('PATCH /api/v1/participation/80')).toHaveLength(1));
    expect(server.callsTo('PATCH /api/v1/participation/80')[0]?.body).toEqual({
      version: 1,
      entry_date: '2026-02-01',
      exit_date: '2026-11-27',
      exit_reason: 'Dítě nastoupilo do ZŠ.',
      third_country_national: 'no',
      foreign_background: 'not_stated',
      housing_exclusion: 'yes',
      rural: 'no',
    });
  });

  it('coordinator: export links say what they contain; anonymisation is confirmed and a retention hold (409) is explained', async () => {
    const server = mockServer(
      routes(coordinator, {
        'POST /api/v1/people/11/anonymise': apiError(409, 'conflict', 'Retention applies until 2035-12-31 (project end 2025-09-30 + 10 years).'),
      }),
    );
    const { user } = renderApp('/people/11');
    const gdpr = await screen.findByRole('region', { name: 'Ochrana osobních údajů' });
    expect(within(gdpr).getByRole('link', { name: /Výpis k tisku/ }).getAttribute('href')).toBe('/api/v1/people/11/export.html');
    expect(within(gdpr).getByRole('link', { name: /JSON/ }).getAttribute('href')).toBe('/api/v1/people/11/export');
    expect(gdpr.textContent).toContain('Výpis obsahuje záznam osoby');
    await user.click(within(gdpr).getByRole('button', { name: 'Anonymizovat osobu' }));
    const confirm = within(gdpr).getByRole('group', { name: 'Nevratně anonymizovat osobu Jana Dvořáková?' });
    expect(server.callsTo('POST /api/v1/people/11/anonymise')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Ano, anonymizovat' }));
    const alert = await within(gdpr).findByRole('alert');
    expect(within(alert).getByText('Anonymizovat zatím nelze')).toBeTruthy();
    expect(within(alert).getByText('Retention applies until 2035-12-31 (project end 2025-09-30 + 10 years).')).toBeTruthy();
  });

  it('relationships: adds one to a family member and removes one after confirmation', async () => {
    const server = mockServer(
      routes(worker, {
        'GET /api/v1/people/11': json(makePerson({ relationships: [] })),
        'POST /api/v1/people/11/relationships': json({ id: 71 }, 201),
      }),
    );
    const { user } = renderApp('/people/11');
    const rel = await screen.findByRole('region', { name: 'Vztahy' });
    expect(rel.textContent).toContain('Zatím žádné vztahy.');
    await user.click(await within(rel).findByRole('button', { name: 'Přidat vztah' }));
    const form = within(rel).getByRole('form', { name: 'Přidat vztah' });
    await user.click(within(form).getByRole('button', { name: 'Uložit vztah' }));
    expect(errorFor(within(form).getByLabelText(/^Ke komu/))).toBe('Chyba: Vyplňte prosím toto pole.');
    await user.selectOptions(within(form).getByLabelText(/^Ke komu/), '10');
    await user.selectOptions(within(form).getByLabelText(/^Kdo je to této osobě/), 'mother');
    await user.click(within(form).getByLabelText(/Je zákonným zástupcem/));
    server.on('GET /api/v1/people/11', json(makePerson()));
    server.on('DELETE /api/v1/relationships/70', noContent());
    await user.click(within(form).getByRole('button', { name: 'Uložit vztah' }));
    await waitFor(() => expect(rel.textContent).toContain('Marie Dvořáková — matka'));
    expect(server.callsTo('POST /api/v1/people/11/relationships')[0]?.body).toEqual({
      other_person_id: 10,
      type: 'mother',
      legal_representative: true,
    });
    await user.click(within(rel).getByRole('button', { name: 'Odebrat vztah Marie Dvořáková' }));
    expect(server.callsTo('DELETE /api/v1/relationships/70')).toHaveLength(0);
    server.on('GET /api/v1/people/11', json(makePerson({ relationships: [] })));
    await user.click(within(rel).getByRole('button', { name: 'Odebrat' }));
    await waitFor(() => expect(rel.textContent).toContain('Zatím žádné vztahy.'));
    expect(server.callsTo('DELETE /api/v1/relationships/70')).toHaveLength(1);
  });

  it('reads in English too', async () => {
    window.localStorage.setItem('kredo.language', 'en');
    mockServer(routes());
    renderApp('/people/11');
    expect(await screen.findByRole('heading', { level: 1, name: 'Jana Dvořáková' })).toBeTruthy();
    const consents = screen.getByRole('region', { name: 'Consents' });
    expect(consents.textContent).toContain('Casework with the family');
    expect(consents.textContent).toContain('Valid');
    expect(consents.textContent).toContain('given 15 Jan 2026');
    expect(document.querySelector('.person-line')?.textContent).toBe('Child · 7 years old · born 10 May 2019 · female');
  });

  it('gives a consent to share with a school (the school is required) and says it was recorded', async () => {
    const server = mockServer(routes(worker, { 'POST /api/v1/people/11/consents': json({ id: 42 }, 201) }));
    const { user } = renderApp('/people/11');
    await user.click(await screen.findByRole('button', { name: 'Zaznamenat souhlas' }));
    const form = screen.getByRole('form', { name: 'Nový souhlas' });
    await user.selectOptions(within(form).getByLabelText(/^Účel/), 'school_sharing');
    await user.click(within(form).getByRole('button', { name: 'Uložit souhlas' }));
    expect(errorFor(within(form).getByLabelText(/^Škola/))).toBe('Chyba: Uveďte školu, se kterou se údaje sdílejí.');
    await user.type(within(form).getByLabelText(/^Škola/), 'ZŠ Merhautova');
    await user.type(within(form).getByLabelText(/^Platí do/), '2027-08-31');
    await user.click(within(form).getByRole('button', { name: 'Uložit souhlas' }));
    expect(await screen.findByText('Souhlas byl zaznamenán.')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/people/11/consents')[0]?.body).toMatchObject({
      purpose: 'school_sharing',
      school: 'ZŠ Merhautova',
      representative_id: 10,
      expires_on: '2027-08-31',
    });
  });
});
