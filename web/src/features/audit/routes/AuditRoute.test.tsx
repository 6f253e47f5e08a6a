import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { json, makeUser, mockServer, sessionRoutes, type RecordedRequest } from '@/testing/mock-server';
import { formatDetail } from '../components/AuditTable';

function entry(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    at: '2026-11-28T20:05:00Z',
    actor: 'admin',
    action: 'update',
    entity: 'user',
    entity_id: String(id),
    request_id: `req-${id}`,
    detail: { role: 'worker' },
    ...overrides,
  };
}

function auditServer(total: number) {
  return mockServer({
    ...sessionRoutes(makeUser()),
    'GET /api/v1/audit': (req: RecordedRequest) => {
      const page = Number(req.query.get('page'));
      const size = Number(req.query.get('page_size'));
      const first = (page - 1) * size;
      const items = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, i) => entry(first + i + 1));
      return json({ items, total, page, page_size: size });
    },
  });
}

describe('Správa › Auditní záznam', () => {
  it('shows the first page with Czech time and readable details', async () => {
    const server = auditServer(3);
    renderApp('/admin/audit');
    const table = await screen.findByRole('table', { name: 'Záznamy auditu' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText('28. 11. 2026 21:05')).toBeTruthy();
    expect(within(rows[0]!).getByText('role: worker')).toBeTruthy();
    const query = server.callsTo('GET /api/v1/audit')[0]?.query;
    expect(query?.get('page')).toBe('1');
    expect(query?.get('page_size')).toBe('50');
    expect(query?.has('entity')).toBe(false);
    expect(screen.getByText('Strana 1 z 1 · 3 záznamy')).toBeTruthy();
  });

  it('sends the filters to the server and keeps them in the address', async () => {
    const server = auditServer(2);
    const { user, router } = renderApp('/admin/audit');
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('Druh záznamu'), 'user');
    await user.type(screen.getByLabelText('ID záznamu'), '3');
    await user.type(screen.getByLabelText('Uživatel'), ' admin ');
    await user.type(screen.getByLabelText('Od data'), '2026-11-01');
    await user.type(screen.getByLabelText('Do data'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Filtrovat' }));
    await waitFor(() => expect(server.callsTo('GET /api/v1/audit')).toHaveLength(2));
    const query = server.callsTo('GET /api/v1/audit')[1]!.query;
    expect(Object.fromEntries(query)).toEqual({
      entity: 'user',
      entity_id: '3',
      actor: 'admin',
      from: '2026-11-01',
      to: '2026-11-30',
      page: '1',
      page_size: '50',
    });
    expect(router.state.location.search).toBe('?entity=user&entity_id=3&actor=admin&from=2026-11-01&to=2026-11-30');
  });

  it('refuses a range that ends before it starts', async () => {
    const server = auditServer(1);
    const { user } = renderApp('/admin/audit');
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('Od data'), '2026-11-30');
    await user.type(screen.getByLabelText('Do data'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Filtrovat' }));
    expect(await screen.findByText(/nesmí být dřív/)).toBeTruthy();
    expect(server.callsTo('GET /api/v1/audit')).toHaveLength(1);
  });

  it('pages forward and back', async () => {
    const server = auditServer(120);
    const { user } = renderApp('/admin/audit?actor=admin');
    await screen.findByText('Strana 1 z 3 · 120 záznamů');
    expect(screen.getByRole('button', { name: /Předchozí/ }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: /Další/ }));
    await screen.findByText('Strana 2 z 3 · 120 záznamů');
    await user.click(screen.getByRole('button', { name: /Další/ }));
    await screen.findByText('Strana 3 z 3 · 120 záznamů');
    expect(screen.getByRole('button', { name: /Další/ }).hasAttribute('disabled')).toBe(true);
    const pages = server.callsTo('GET /api/v1/audit').map((c) => `${c.query.get('page')}:${c.query.get('actor')}`);
    expect(pages).toEqual(['1:admin', '2:admin', '3:admin']);
  });

  it('says when nothing matches', async () => {
    auditServer(0);
    renderApp('/admin/audit?entity=family');
    expect(await screen.findByRole('heading', { name: 'Žádné záznamy' })).toBeTruthy();
    expect((screen.getByLabelText('Druh záznamu') as HTMLInputElement).value).toBe('family');
  });
});

describe('formatDetail', () => {
  it('reads objects as key: value pairs and leaves text alone', () => {
    expect(formatDetail({ role: 'analyst', username: 'analytik' })).toBe('role: analyst, username: analytik');
    expect(formatDetail({ locked: false })).toBe('locked: false');
    expect(formatDetail('password reset')).toBe('password reset');
    expect(formatDetail(null)).toBe('');
  });
});
