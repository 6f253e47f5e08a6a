import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';
import { districts, makeConsent, makeFamily, makePerson } from '@/testing/registry-fixtures';
import type { TimelineItem } from '../types';

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });

const timeline: TimelineItem[] = [
  { id: 2, date: '2026-11-20', type: 'phone', worker: 'terenni', summary: 'Domluvena návštěva v MŠ.', person_ids: [10] },
  { id: 1, date: '2026-10-02', type: 'home_visit', worker: 'terenni', summary: 'První návštěva.', person_ids: [] },
];

function familyRoutes(extra = {}) {
  return {
    ...sessionRoutes(worker),
    'GET /api/v1/districts': districts,
    'GET /api/v1/families/5': json(makeFamily()),
    'GET /api/v1/families/5/timeline': json({ items: timeline }),
    ...extra,
  };
}

function errorFor(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((el) => el?.className === 'field__error')?.textContent ?? null;
}

function summaryFor(name: string): HTMLElement {
  const found = [...document.querySelectorAll('summary')].find((s) => s.textContent === `Vztahy, souhlasy a účast ${name}`);
  if (!found) throw new Error(`no summary for ${name}`);
  return found;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Rodiny › stránka rodiny', () => {
  it('opens on the timeline, newest contact first, then members with role and age', async () => {
    mockServer(familyRoutes());
    renderApp('/families/5');
    expect(await screen.findByRole('heading', { level: 1, name: 'Rodina Dvořákovi' })).toBeTruthy();
    const h2 = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(h2).toEqual(['Časová osa', 'Členové rodiny (2)', 'Údaje o rodině']);
    const list = await screen.findByRole('list', { name: 'Kontakty s rodinou, nejnovější nahoře' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('20. 11. 2026 · Telefonát · terenni');
    expect(items[0]!.textContent).toContain('Týká se: Marie Dvořáková');
    expect(items[1]!.textContent).toContain('2. 10. 2026 · Návštěva v domácnosti');
    const lines = [...document.querySelectorAll('.person-line')].map((p) => p.textContent);
    expect(lines).toEqual(['Dospělý · 36 let · nar. 1. 2. 1990 · žena', 'Dítě · 7 let · nar. 10. 5. 2019 · žena']);
    expect(screen.getAllByText('Aktivní').length).toBeGreaterThan(0);
  });

  it('adds a contact note and refreshes the timeline', async () => {
    let items = timeline;
    const server = mockServer(
      familyRoutes({
        'GET /api/v1/families/5/timeline': () => json({ items }),
        'POST /api/v1/families/5/contacts': (req: RecordedRequest) => {
          items = [{ id: 3, date: '2026-11-28', type: 'meeting', worker: 'terenni', summary: 'Schůzka ve škole.', person_ids: [11] }, ...items];
          return json({ ...(req.body as object), id: 3 }, 201);
        },
      }),
    );
    const { user } = renderApp('/families/5');
    await screen.findByRole('heading', { level: 1, name: 'Rodina Dvořákovi' });
    expect((screen.getByLabelText(/^Datum/) as HTMLInputElement).value).toBe('2026-11-28');
    await user.selectOptions(screen.getByLabelText(/^Druh kontaktu/), 'meeting');
    await user.type(screen.getByLabelText(/^Co se stalo/), 'Schůzka ve škole.');
    await user.click(screen.getByRole('checkbox', { name: 'Jana Dvořáková' }));
    await user.click(screen.getByRole('button', { name: 'Uložit kontakt' }));
    expect(await screen.findByText('Kontakt byl zapsán na časovou osu.')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/families/5/contacts')[0]?.body).toEqual({
      date: '2026-11-28',
      type: 'meeting',
      summary: 'Schůzka ve škole.',
      person_ids: [11],
    });
    expect(await screen.findByText('Schůzka ve škole.')).toBeTruthy();
    expect((screen.getByLabelText(/^Co se stalo/) as HTMLTextAreaElement).value).toBe('');
  });

  it('refuses a contact dated in the future before sending, and shows the server 422 at the field', async () => {
    const server = mockServer(
      familyRoutes({
        'POST /api/v1/families/5/contacts': apiError(422, 'validation_failed', 'Some fields are invalid.', [
          { field: 'summary', message: 'The summary must have 1 to 4000 characters.' },
        ]),
      }),
    );
    const { user } = renderApp('/families/5');
    await screen.findByRole('heading', { level: 1, name: 'Rodina Dvořákovi' });
    const date = screen.getByLabelText(/^Datum/);
    await user.clear(date);
    await user.type(date, '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Uložit kontakt' }));
    expect(errorFor(date)).toBe('Chyba: Datum nesmí být v budoucnosti.');
    expect(errorFor(screen.getByLabelText(/^Co se stalo/))).toBe('Chyba: Vyplňte prosím toto pole.');
    expect(server.callsTo('POST /api/v1/families/5/contacts')).toHaveLength(0);

    await user.clear(date);
    await user.type(date, '2026-11-27');
    await user.type(screen.getByLabelText(/^Co se stalo/), 'x');
    await user.click(screen.getByRole('button', { name: 'Uložit kontakt' }));
    await waitFor(() => expect(errorFor(screen.getByLabelText(/^Co se stalo/))).toBe('Chyba: The summary must have 1 to 4000 characters.'));
    expect((screen.getByLabelText(/^Co se stalo/) as HTMLTextAreaElement).value).toBe('x');
  });

  it('says when the family does not exist or is out of scope (404)', async () => {
    mockServer({ ...sessionRoutes(worker), 'GET /api/v1/districts': districts, 'GET /api/v1/families/99': apiError(404, 'not_found', 'No such family.') });
    renderApp('/families/99');
    expect(await screen.findByRole('heading', { name: 'Rodina nebyla nalezena' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Zpět na seznam rodin' }).getAttribute('href')).toBe('/families');
  });

  it('opens a member: consents in words, withdrawal confirmed and effective at once', async () => {
    let person = makePerson({
      consents: [makeConsent(), makeConsent({ id: 41, purpose: 'publication', status: 'expired', expires_on: '2026-06-30' })],
    });
    const server = mockServer(
      familyRoutes({
        'GET /api/v1/people/11': () => json(person),
        'POST /api/v1/consents/40/withdraw': () => {
          person = makePerson({ consents: [makeConsent({ status: 'withdrawn', withdrawn_on: '2026-11-28' })] });
          return json(person.consents[0]);
        },
      }),
    );
    const { user } = renderApp('/families/5');
    await screen.findByRole('heading', { level: 1, name: 'Rodina Dvořákovi' });
    expect(server.callsTo('GET /api/v1/people/11')).toHaveLength(0);
    await user.click(summaryFor('Jana Dvořáková'));
    const consents = await screen.findByRole('region', { name: 'Souhlasy' });
    expect(within(consents).getByText('Platný')).toBeTruthy();
    expect(within(consents).getByText('Prošlý')).toBeTruthy();
    expect(consents.textContent).toContain('udělil/a Marie Dvořáková');
    expect(consents.textContent).toContain('platí do 30. 6. 2026');
    await user.click(within(consents).getByRole('button', { name: 'Odvolat souhlas Práce s rodinou' }));
    const confirm = within(consents).getByRole('group', { name: 'Odvolat souhlas „Práce s rodinou“?' });
    expect(confirm.textContent).toContain('Odvolání platí okamžitě');
    expect(document.activeElement?.textContent).toBe('Odvolat souhlas „Práce s rodinou“?');
    await user.type(within(confirm).getByLabelText('Důvod (nepovinné)'), 'Rodina si to rozmyslela');
    await user.click(within(confirm).getByRole('button', { name: 'Ano, odvolat hned' }));
    expect(await within(consents).findByText('Souhlas byl odvolán. Platí to okamžitě.')).toBeTruthy();
    expect(server.callsTo('POST /api/v1/consents/40/withdraw')[0]?.body).toEqual({ reason: 'Rodina si to rozmyslela' });
    expect(await within(consents).findByText('Odvolaný')).toBeTruthy();
  });
});
