// Zápis › Šablony dopisů and Kam se obrátit: coordinators edit; field errors at fields; 409 keeps the text.
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes } from '@/testing/mock-server';
import type { DocumentTemplate } from '../types';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const coordinator = makeUser({ id: 2, username: 'koordinator', role: 'coordinator' });
const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });

const appeal: DocumentTemplate = {
  id: 3,
  code: 'appeal_non_admission',
  language: 'cs',
  version: 2,
  title: 'Odvolání proti rozhodnutí o nepřijetí',
  addressee: 'Krajský úřad\n{{school_name}}',
  body: 'Dne {{delivered_on}} nám bylo doručeno rozhodnutí.',
  placeholders: ['school_name', 'delivered_on'],
  created_at: '2026-11-01T10:00:00Z',
  created_by: 'koordinator',
};

const ombudsman = {
  code: 'ombudsman',
  language: 'cs',
  position: 2,
  name: 'Veřejný ochránce práv',
  address: 'Údolní 39, 602 00 Brno',
  what_they_do: 'Prošetří diskriminaci.',
  version: 1,
  updated_at: '2026-11-01T10:00:00Z',
  updated_by: 'system',
};

function errorFor(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((el) => el?.className === 'field__error')?.textContent ?? null;
}

describe('Šablony dopisů', () => {
  it('saves a new version from the newest one and shows a malformed placeholder at its field', async () => {
    const server = mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/document-templates': json({ items: [appeal] }),
      'POST /api/v1/document-templates/appeal_non_admission/versions': apiError(422, 'validation_failed', 'Neplatné údaje.', [
        { field: 'body', message: 'Neuzavřené zástupné pole {{delivered_on.' },
      ]),
    });
    renderApp('/enrollment/templates');
    expect(await screen.findByRole('heading', { level: 2, name: 'Odvolání proti nepřijetí' })).toBeTruthy();
    expect(screen.getByText(/Verze 2, uložil\(a\) koordinator/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Upravit šablonu Odvolání proti nepřijetí' }));
    const body = screen.getByLabelText(/^Text dopisu/);
    await userEvent.clear(body);
    await userEvent.type(body, 'Dne {{{{delivered_on nám bylo doručeno rozhodnutí.');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit novou verzi' }));
    await waitFor(() => expect(errorFor(body)).toContain('Neuzavřené zástupné pole'));
    expect(server.callsTo('POST /api/v1/document-templates/appeal_non_admission/versions')[0]!.body).toMatchObject({
      language: 'cs',
      base_version: 2,
      title: appeal.title,
    });

    server.on('POST /api/v1/document-templates/appeal_non_admission/versions', apiError(409, 'conflict', 'Šablona má novější verzi (3).'));
    await userEvent.click(screen.getByRole('button', { name: 'Uložit novou verzi' }));
    expect(await screen.findByText('Mezitím někdo uložil novější verzi')).toBeTruthy();
    expect((screen.getByLabelText(/^Text dopisu/) as HTMLTextAreaElement).value).toContain('nám bylo doručeno');

    server.on('POST /api/v1/document-templates/appeal_non_admission/versions', json({ ...appeal, version: 3 }, 201));
    await userEvent.click(screen.getByRole('button', { name: 'Uložit novou verzi' }));
    expect(await screen.findByText('Uložena verze 3.')).toBeTruthy();
  });

  it('starts a Romani text from the Czech one without a base version', async () => {
    const server = mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/document-templates': (req) => json({ items: req.query.get('language') === 'rom' ? [] : [appeal] }),
      'POST /api/v1/document-templates/appeal_non_admission/versions': json({ ...appeal, language: 'rom', version: 1 }, 201),
    });
    renderApp('/enrollment/templates');
    await userEvent.selectOptions(await screen.findByLabelText('Jazyk textu'), 'rom');
    expect(await screen.findByText('V jazyce romština zatím není žádná verze.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Upravit šablonu Odvolání proti nepřijetí' }));
    expect(screen.getByText(/začínáte od českého znění/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Uložit novou verzi' }));
    expect(await screen.findByText('Uložena verze 1.')).toBeTruthy();
    const body = server.callsTo('POST /api/v1/document-templates/appeal_non_admission/versions')[0]!.body as Record<string, unknown>;
    expect(body.language).toBe('rom');
    expect(body.base_version).toBeUndefined();
  });

  it('tells a worker that coordinators edit templates', async () => {
    mockServer({ ...sessionRoutes(worker) });
    renderApp('/enrollment/templates');
    expect(await screen.findByText('Šablony a leták upravují koordinátoři.')).toBeTruthy();
  });
});

describe('Kam se obrátit', () => {
  it('edits an institution with its version and creates a Romani entry with version 0', async () => {
    const server = mockServer({
      ...sessionRoutes(coordinator),
      'GET /api/v1/guides/where-to-turn/institutions': json({ items: [ombudsman] }),
      'PUT /api/v1/guides/where-to-turn/institutions/ombudsman/cs': apiError(422, 'validation_failed', 'Neplatné údaje.', [
        { field: 'what_they_do', message: 'Napište, s čím instituce pomůže.' },
      ]),
      'PUT /api/v1/guides/where-to-turn/institutions/ombudsman/rom': json({ ...ombudsman, language: 'rom', name: 'Ombudsmanos' }),
    });
    renderApp('/enrollment/guide');
    await userEvent.click(await screen.findByRole('button', { name: 'Upravit instituci Veřejný ochránce práv' }));
    const what = screen.getByLabelText(/^S čím pomůže/);
    await userEvent.type(what, ' Pomůže se stížností.');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit instituci' }));
    await waitFor(() => expect(errorFor(what)).toContain('Napište, s čím instituce pomůže.'));
    expect(server.callsTo('PUT /api/v1/guides/where-to-turn/institutions/ombudsman/cs')[0]!.body).toEqual({
      version: 1,
      position: 2,
      name: 'Veřejný ochránce práv',
      address: 'Údolní 39, 602 00 Brno',
      what_they_do: 'Prošetří diskriminaci. Pomůže se stížností.',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Zrušit' }));

    await userEvent.selectOptions(screen.getByLabelText('Jazyk textu'), 'rom');
    const item = (await screen.findByText('zatím jen česky')).closest('li')!;
    await userEvent.click(within(item).getByRole('button', { name: /Upravit instituci/ }));
    const name = screen.getByLabelText(/^Název instituce/);
    await userEvent.clear(name);
    await userEvent.type(name, 'Ombudsmanos');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit instituci' }));
    expect(await screen.findByText('Instituce je uložena.')).toBeTruthy();
    expect(server.callsTo('PUT /api/v1/guides/where-to-turn/institutions/ombudsman/rom')[0]!.body).toMatchObject({ version: 0, name: 'Ombudsmanos' });
  });
});
