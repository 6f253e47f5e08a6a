// Calls the API from inside a logged-in page (its session cookie, the CSRF token from /auth/me), for
// setting up records a test needs but does not test the screens of.
export async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

export async function apiOk(page, method, path, body) {
  const r = await api(page, method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path} answered ${r.status}: ${JSON.stringify(r.json)}`);
  return r.json;
}

/** E2E_TIMEOUT_MS (default: support's 15 s) for every wait of this page: lets a heavily loaded machine run the tests. */
export function patient(page) {
  const ms = Number(process.env.E2E_TIMEOUT_MS);
  if (Number.isFinite(ms) && ms > 0) page.setDefaultTimeout(ms);
}
