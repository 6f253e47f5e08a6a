import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { apiError, json, makeUser, mockServer, sessionRoutes } from '@/testing/mock-server';
import { districts, makeFamily, makePerson } from '@/testing/registry-fixtures';
import type { DocumentTemplate, StoredDocument } from '../types';

const worker = makeUser({ id: 3, username: 'terenni', role: 'worker', team: 'Sever' });

const appeal: DocumentTemplate = {
  id: 3,
  code: 'appeal_non_admission',
  language: 'cs',
  version: 1,
  title: 'Odvolání proti rozhodnutí o nepřijetí',
  addressee: 'Krajský úřad\n{{school_name}}',
  body: '{{delivered_on}} {{reasons}} {{child_name}}',
  placeholders: ['school_name', 'delivered_on', 'reasons', 'child_name'],
  created_at: '2026-11-01T10:00:00Z',
  created_by: 'system',
};

const stored: StoredDocument = {
  id: 41,
  person_id: 11,
  template: 'appeal_non_admission',
  template_language: 'cs',
  template_version: 1,
  title: 'Odvolání proti rozhodnutí o nepřijetí',
  school_id: 7,
  enrollment_case_id: null,
  size_bytes: 20000,
  sha256: 'ab'.repeat(32),
  download_url: '/api/v1/documents/41.pdf',
  created_at: '2026-11-28T12:00:00Z',
  created_by: 'terenni',
};

function routes(extra = {}) {
  return {
    ...sessionRoutes(worker),
    'GET /api/v1/districts': districts,
    'GET /api/v1/users': apiError(403, 'forbidden', 'Admins only.'),
    'GET /api/v1/families/5': json(makeFamily()),
    'GET /api/v1/people/11': json(makePerson()),
    'GET /api/v1/document-templates': json({ items: [appeal] }),
    'GET /api/v1/people/11/documents': json({ items: [] }),
    'GET /api/v1/schools': json({ items: [{ id: 7, name: 'ZŠ Šťastná', type: 'zs' }] }),
    ...extra,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('Dokumenty on a person page', () => {
  it('asks only for what the records lack, shows the server field errors, then offers the download', async () => {
    let calls = 0;
    const server = mockServer(
      routes({
        'POST /api/v1/people/11/documents': () => {
          calls += 1;
          return calls === 1
            ? apiError(422, 'validation_failed', 'Some values for the document are missing.', [
                { field: 'fields.reasons', message: 'The template needs a value for {{reasons}}.' },
              ])
            : json(stored, 201);
        },
      }),
    );
    const { user } = renderApp('/people/11');
    const section = await screen.findByRole('region', { name: 'Dokumenty' });
    await user.click(await within(section).findByRole('button', { name: 'Odvolání proti nepřijetí' }));
    await within(section).findByRole('option', { name: 'ZŠ Šťastná' });
    expect(within(section).queryByLabelText(/Jméno dítěte|child_name/)).toBeNull();
    await user.selectOptions(await within(section).findByLabelText(/^Škola/), '7');
    await user.type(within(section).getByLabelText(/^Rozhodnutí doručeno dne/), '2026-04-16');
    await user.click(within(section).getByRole('button', { name: 'Vytvořit PDF' }));
    const reasons = within(section).getByLabelText(/^Odůvodnění/);
    await waitFor(() => expect(reasons.getAttribute('aria-invalid')).toBe('true'));
    expect(section.textContent).toContain('The template needs a value for {{reasons}}.');
    expect(server.callsTo('POST /api/v1/people/11/documents')[0]!.body).toEqual({
      template: 'appeal_non_admission',
      school_id: 7,
      fields: { delivered_on: '2026-04-16' },
    });
    await user.type(reasons, 'Dítě je spádové.');
    await user.click(within(section).getByRole('button', { name: 'Vytvořit PDF' }));
    const link = await within(section).findByRole('link', { name: /Stáhnout: Odvolání/ });
    expect(link.getAttribute('href')).toBe('/api/v1/documents/41.pdf');
  });

  it('lists generated documents with their template version', async () => {
    mockServer(routes({ 'GET /api/v1/people/11/documents': json({ items: [stored] }) }));
    renderApp('/people/11');
    const link = await screen.findByRole('link', { name: 'Odvolání proti rozhodnutí o nepřijetí' });
    expect(link.getAttribute('href')).toBe('/api/v1/documents/41.pdf');
    expect(link.parentElement?.textContent).toContain('šablona verze 1');
  });
});
