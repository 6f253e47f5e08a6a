// Holds the CSRF token the server hands out at login and on /auth/me.
// The session cookie is HttpOnly, so this token is the only session secret the app sees;
// it lives in memory only and is sent as X-CSRF-Token on every unsafe request.

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}
