// A fake of the KREDO API for unit tests: fetch is replaced, each route answers from a handler,
// every call is recorded, and a call nobody expected fails the test loudly.
import { vi } from 'vitest';
import type { User } from '@/types/user';

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
};

export type MockReply = { status: number; body?: unknown; headers?: Record<string, string> };

type Handler = MockReply | ((request: RecordedRequest) => MockReply | Promise<MockReply>);

export function json(body: unknown, status = 200): MockReply {
  return { status, body };
}

export function noContent(): MockReply {
  return { status: 204 };
}

export function apiError(
  status: number,
  code: string,
  message: string,
  fields?: { field: string; message: string }[],
  extra: Record<string, unknown> = {},
): MockReply {
  return { status, body: { error: { code, message, request_id: 'req-test-1', ...(fields ? { fields } : {}), ...extra } } };
}

export type MockServer = {
  calls: RecordedRequest[];
  /** Replaces (or adds) the handler for "METHOD /path". */
  on: (route: string, handler: Handler) => void;
  callsTo: (route: string) => RecordedRequest[];
};

export function mockServer(routes: Record<string, Handler>): MockServer {
  const table = new Map<string, Handler>(Object.entries(routes));
  const calls: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://kredo.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    const rawBody = typeof init?.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init?.headers),
      body: rawBody === undefined ? undefined : (JSON.parse(rawBody) as unknown),
    };
    calls.push(request);
    const handler = table.get(`${method} ${url.pathname}`);
    if (!handler) throw new Error(`Unexpected request in test: ${method} ${url.pathname}${url.search}`);
    const reply = typeof handler === 'function' ? await handler(request) : handler;
    const headers = { 'Content-Type': 'application/json', ...reply.headers };
    return new Response(reply.status === 204 || reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers,
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    on: (route, handler) => table.set(route, handler),
    callsTo: (route) => {
      const [method, path] = route.split(' ');
      return calls.filter((c) => c.method === method && c.path === path);
    },
  };
}

export const CSRF = 'csrf-token-for-tests';

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 1,
    username: 'admin',
    role: 'admin',
    team: null,
    active: true,
    version: 1,
    created_at: '2026-11-28T20:00:00Z',
    last_login_at: null,
    ...overrides,
  };
}

/** Routes every logged-in page needs: the session and the server's health. */
export function sessionRoutes(user: User | null): Record<string, Handler> {
  return {
    'GET /api/v1/auth/me': user ? json({ user, csrf_token: CSRF }) : apiError(401, 'unauthenticated', 'Not logged in.'),
    'GET /api/v1/health': json({ status: 'ok', db: 'sqlite', schema_version: 1, version: '0.1.0' }),
    'GET /api/v1/auth/totp': json({ enabled: false, pending: false, recovery_codes_left: 0, required: false }),
  };
}
