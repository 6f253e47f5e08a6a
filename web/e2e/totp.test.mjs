// Two-step verification in the browser: a fresh worker account sets up TOTP on the account page,
// keeps its recovery codes, logs out, logs in with a code computed here (RFC 6238, HMAC-SHA-1),
// then with a recovery code, and turns it off. Its own account, so other tests are untouched.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { DEMO_PASSWORD, baseUrl, heading, logIn, withPage } from './support.mjs';

const USERNAME = 'e2e.totp';
const PASSWORD = 'Zkusebni-heslo-e2e-42';

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/[\s=-]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function totp(secret, time = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / 30)));
  const h = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const off = h[19] & 0x0f;
  const bin = ((h[off] & 0x7f) << 24) | (h[off + 1] << 16) | (h[off + 2] << 8) | h[off + 3];
  return String(bin % 1_000_000).padStart(6, '0');
}

test('the TOTP helper gives the RFC 6238 value', () => {
  // Secret "12345678901234567890" in base32; T = 59 s gives 94287082, whose last six digits these are.
  assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000), '287082');
});

async function createUser() {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token } = await login.json();
  const created = await fetch(`${baseUrl}/api/v1/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf_token },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD, role: 'worker', team: 'Sever' }),
  });
  assert.equal(created.status, 201, await created.text());
}

test('a worker sets up two-step verification and logs in with a code and a recovery code', async (t) => {
  await createUser();
  let secret = '';
  let codes = [];
  await withPage(t, async (page) => {
    await logIn(page, USERNAME, PASSWORD);
    await heading(page, 'Dnes').waitFor();
    await page.goto(`${baseUrl}/account/security`);
    await heading(page, 'Dvoufázové ověření').waitFor();
    await page.getByRole('button', { name: 'Nastavit ověřovací aplikaci' }).click();
    secret = (await page.getByTestId('totp-secret').textContent()).replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await page.getByText(`otpauth://totp/KREDO:${USERNAME}?secret=${secret}`, { exact: false }).waitFor();
    await page.getByLabel('Kód', { exact: true }).fill(totp(secret));
    await page.getByRole('button', { name: 'Potvrdit a zapnout' }).click();
    await page.getByText('Tyto kódy uvidíte jen teď.').waitFor();
    codes = (await page.locator('.recovery-codes code').allTextContents()).map((c) => c.trim());
    assert.equal(codes.length, 10);
    await page.getByRole('button', { name: 'Kódy mám uložené' }).click();
    await page.getByRole('heading', { name: 'Dvoufázové ověření je zapnuté' }).waitFor();

    // Log out; the password alone now leads to the code step, and no session exists before it.
    await page.getByRole('button', { name: new RegExp(USERNAME.replace('.', '\\.')) }).click();
    await page.getByRole('button', { name: 'Odhlásit se' }).click();
    await heading(page, 'Přihlášení').waitFor();
    await logIn(page, USERNAME, PASSWORD);
    await page.getByRole('heading', { name: 'Ověřovací kód' }).waitFor();
    assert.equal(await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status), 401);
    await page.getByLabel('Kód', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Ověřit' }).click();
    await page.getByRole('alert').getByText('Kód nebyl přijat').waitFor();
    // The next step's code: the one used at enrolment cannot be used twice.
    await page.getByLabel('Kód', { exact: true }).fill(totp(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Ověřit' }).click();
    await heading(page, 'Dnes').waitFor();
  });
  // A recovery code works too (a fresh profile, as on another computer), and turns it off.
  await withPage(t, async (page) => {
    await logIn(page, USERNAME, PASSWORD);
    await page.getByRole('heading', { name: 'Ověřovací kód' }).waitFor();
    await page.getByLabel('Kód', { exact: true }).fill(codes[0].toLowerCase());
    await page.getByRole('button', { name: 'Ověřit' }).click();
    await heading(page, 'Dnes').waitFor();
    await page.goto(`${baseUrl}/account/security`);
    await page.getByText('Zbývá vám 9 nepoužitých záložních kódů.').waitFor();
    const off = page.locator('form').filter({ has: page.getByRole('button', { name: 'Vypnout dvoufázové ověření' }) });
    await off.getByLabel('Kód', { exact: true }).fill(codes[0]);
    await off.getByRole('button', { name: 'Vypnout dvoufázové ověření' }).click();
    await off.getByText('Kód není správný.').waitFor();
    await off.getByLabel('Kód', { exact: true }).fill(codes[1]);
    await off.getByRole('button', { name: 'Vypnout dvoufázové ověření' }).click();
    await page.getByText('Dvoufázové ověření je vypnuté.').waitFor();
  });
});
