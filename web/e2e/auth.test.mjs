// Logging in and out, the shell in both languages, on a desktop and on a phone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, baseUrl, heading, logIn, withPage } from './support.mjs';

test('field worker logs in, sees the shell in Czech, switches to English and logs out', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'terenni');
    await heading(page, 'Dnes').waitFor();
    const nav = page.getByRole('navigation', { name: 'Hlavní navigace' });
    const places = await nav.getByRole('link').allTextContents();
    assert.deepEqual(places, ['Dnes', 'Rodiny', 'Aktivity', 'Zápis', 'Školy', 'Výkazy', 'Analýzy']);
    assert.equal(await page.locator('html').getAttribute('lang'), 'cs');

    await nav.getByRole('link', { name: 'Rodiny' }).click();
    await heading(page, 'Rodiny').waitFor();
    assert.match(page.url(), /\/families$/);

    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, 'Families').waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Activities' }).waitFor();

    // The choice survives a reload, and the session too (cookie + /auth/me).
    await page.reload();
    await heading(page, 'Families').waitFor();

    await page.getByRole('button', { name: /terenni/ }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await heading(page, 'Log in').waitFor();
    await page.getByText('You have been logged out.').waitFor();

    // The session is really gone on the server: a protected page sends us back to login.
    await page.goto(`${baseUrl}/families`);
    await heading(page, 'Log in').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    assert.equal(me, 401);
  });
});

test('a wrong password shows the server message on the login page', async (t) => {
  // What the server says to a wrong password, asked directly (for another account,
  // so the one used below has only one failed attempt).
  const direct = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    // The app asks for messages in the language it shows (Czech by default).
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'cs' },
    body: JSON.stringify({ username: 'koordinator', password: 'not-the-password' }),
  });
  assert.equal(direct.status, 401);
  const envelope = await direct.json();
  assert.equal(envelope.error.code, 'unauthenticated');
  assert.equal(envelope.error.message, 'Nesprávné uživatelské jméno nebo heslo.');

  await withPage(t, async (page) => {
    await logIn(page, 'analytik', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.getByText('Přihlášení se nepovedlo').waitFor();
    await alert.getByText(envelope.error.message, { exact: true }).waitFor();
    assert.equal(await page.getByLabel('Heslo', { exact: true }).inputValue(), '');
    assert.equal(await page.getByLabel('Uživatelské jméno').inputValue(), 'analytik');

    // And the right password still works afterwards.
    await page.getByLabel('Heslo', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await heading(page, 'Dnes').waitFor();
  });
});

test('on a phone the navigation folds into the menu button', async (t) => {
  await withPage(
    t,
    async (page) => {
      await logIn(page, 'koordinator');
      await heading(page, 'Dnes').waitFor();
      const nav = page.getByRole('navigation', { name: 'Hlavní navigace' });
      assert.equal(await nav.isVisible(), false);
      const menu = page.getByRole('button', { name: 'Nabídka', exact: true });
      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      const schools = nav.getByRole('link', { name: 'Školy' });
      const box = await schools.boundingBox();
      assert.ok(box && box.height >= 44, `tap target is ${box?.height}px high`);
      await schools.click();
      await heading(page, 'Školy').waitFor();
      assert.equal(await nav.isVisible(), false);
      // Nothing sticks out sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    },
    { viewport: { width: 390, height: 844 } },
  );
});
