import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiError, json, mockServer, noContent } from '@/testing/mock-server';
import { apiRequest, apiRequestNoContent, buildUrl } from './api-client';
import { ApiError } from './api-error';
import { setCsrfToken } from './csrf';

const okSchema = z.object({ ok: z.boolean() });

describe('buildUrl', () => {
  it('puts the path under /api/v1 and leaves out empty query values', () => {
    expect(buildUrl('/audit', { entity: 'user', actor: '', page: 2, to: undefined, from: null })).toBe(
      '/api/v1/audit?entity=user&page=2',
    );
  });
});

describe('apiRequest', () => {
  it('returns the validated answer', async () => {
    mockServer({ 'GET /api/v1/thing': json({ ok: true, extra: 1 }) });
    await expect(apiRequest('/thing', okSchema)).resolves.toEqual({ ok: true });
  });

  it('sends the CSRF token on unsafe methods and not on GET', async () => {
    const server = mockServer({ 'GET /api/v1/thing': json({ ok: true }), 'POST /api/v1/thing': json({ ok: true }) });
    setCsrfToken('abc');
    await apiRequest('/thing', okSchema);
    await apiRequest('/thing', okSchema, { method: 'POST', body: { a: 1 } });
    const [get, post] = server.calls;
    expect(get?.headers.get('X-CSRF-Token')).toBeNull();
    expect(post?.headers.get('X-CSRF-Token')).toBe('abc');
    expect(post?.headers.get('Content-Type')).toBe('application/json');
    expect(post?.body).toEqual({ a: 1 });
  });

  it('asks for messages in the language of the app', async () => {
    const server = mockServer({ 'GET /api/v1/thing': json({ ok: true }) });
    await apiRequest('/thing', okSchema);
    expect(server.calls[0]?.headers.get('Accept-Language')).toBe('cs');
  });

  it('turns the error envelope into an ApiError with code, message, fields and request id', async () => {
    mockServer({
      'POST /api/v1/users': apiError(422, 'validation_failed', 'Some fields are invalid.', [
        { field: 'password', message: 'The password must have at least 12 characters.' },
      ]),
    });
    const error = await apiRequest('/users', okSchema, { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiErr = error as ApiError;
    expect(apiErr.status).toBe(422);
    expect(apiErr.code).toBe('validation_failed');
    expect(apiErr.message).toBe('Some fields are invalid.');
    expect(apiErr.requestId).toBe('req-test-1');
    expect(apiErr.fieldMessage('password')).toBe('The password must have at least 12 characters.');
  });

  it('keeps extra keys of the error object (current, candidates) as details', async () => {
    mockServer({
      'PATCH /api/v1/families/5': apiError(409, 'conflict', 'Changed by someone else.', undefined, { current: { ok: true } }),
    });
    const error = (await apiRequest('/families/5', okSchema, { method: 'PATCH', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('conflict');
    expect(error.details).toEqual({ current: { ok: true } });
    expect(error.detail('current', okSchema)).toEqual({ ok: true });
    expect(error.detail('current', z.object({ ok: z.string() }))).toBeUndefined();
    expect(error.detail('candidates', okSchema)).toBeUndefined();
  });

  it('maps the status to a code when the body is not an envelope', async () => {
    mockServer({ 'GET /api/v1/thing': { status: 503, body: 'Service Unavailable' } });
    const error = (await apiRequest('/thing', okSchema).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('unavailable');
    expect(error.status).toBe(503);
  });

  it('reads Retry-After on a lock-out', async () => {
    mockServer({
      'POST /api/v1/auth/login': { ...apiError(429, 'rate_limited', 'Too many failed logins.'), headers: { 'Retry-After': '120' } },
    });
    const error = (await apiRequest('/auth/login', okSchema, { method: 'POST', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(120);
  });

  it('reports an answer of the wrong shape as bad_response instead of passing it on', async () => {
    mockServer({ 'GET /api/v1/thing': json({ ok: 'yes' }) });
    const error = (await apiRequest('/thing', okSchema).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('bad_response');
    expect(error.message).toContain('ok');
  });

  it('reports a failed connection as network_error', async () => {
    mockServer({ 'GET /api/v1/thing': () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = (await apiRequest('/thing', okSchema).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('network_error');
    expect(error.status).toBe(0);
  });
});

describe('apiRequestNoContent', () => {
  it('accepts 204 and still fails on errors', async () => {
    mockServer({ 'POST /api/v1/auth/logout': noContent(), 'POST /api/v1/auth/password': apiError(401, 'unauthenticated', 'No session.') });
    await expect(apiRequestNoContent('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    await expect(apiRequestNoContent('/auth/password', { method: 'POST' })).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
