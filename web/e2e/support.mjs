// Shared helpers for the end-to-end tests: Debian's Chromium through playwright-core,
// one browser per test file and a fresh context (its own cookies and storage) per test,
// a screenshot when a test fails.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { chromium } from 'playwright-core';

export const baseUrl = process.env.KREDO_BASE_URL ?? '';
if (!baseUrl) throw new Error('KREDO_BASE_URL is not set: run these tests through tests/e2e/run.sh');

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const artifacts = process.env.KREDO_E2E_ARTIFACTS ?? join(tmpdir(), 'kredo-e2e-artifacts');

export const DEMO_PASSWORD = 'Demo-heslo-2026';
export const TIMEOUT = 15_000;

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Starting Chromium costs a second or two: it is started once per file, and each test gets a new
// incognito-like context, as isolated as a fresh profile (cookies, storage, cache).
let browser = null;
async function sharedBrowser() {
  if (!browser) browser = chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  return browser;
}
after(async () => {
  if (browser) await (await browser).close();
});

/**
 * Runs `body` with a page in a fresh browser context. On failure the page is saved as
 * <artifacts>/<test name>.png before the error is passed on.
 */
export async function withPage(t, body, { viewport = { width: 1280, height: 800 }, hasTouch = false } = {}) {
  const context = await (await sharedBrowser()).newContext({
    viewport,
    hasTouch,
    locale: 'cs-CZ',
    timezoneId: 'Europe/Prague',
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  try {
    await body(page);
    if (pageErrors.length > 0) throw new Error(`Uncaught errors in the page:\n${pageErrors.join('\n')}`);
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, `${t.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`e2e: screenshot of the failing page: ${file}`);
    throw error;
  } finally {
    await context.close();
  }
}

export async function logIn(page, username, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Uživatelské jméno').fill(username);
  await page.getByLabel('Heslo', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Přihlásit se' }).click();
}

export function heading(page, name) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** The text of the error message tied to an input through aria-describedby. */
export async function fieldError(input) {
  return input.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const error = ids.map((id) => document.getElementById(id)).find((e) => e?.classList.contains('field__error'));
    return error ? error.textContent : null;
  });
}

/** Polls `read` until it returns a truthy value or the time is up. */
export async function eventually(read, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await read();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
}
