// Zápis and Dnes (issue 5) against the real server: the pathway page with its computed dates and legal
// bases, server field errors at the field (a decision dated before the application), a late appeal
// flagged with its deadline, the board on a phone, and the secret calendar feed.
// Each test creates its own family, child and case through the API (as the logged-in worker).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { patient } from './api.mjs';
import { baseUrl, eventually, fieldError, heading, logIn, withPage } from './support.mjs';

const stamp = Date.now().toString(36);

/** Calls the API from inside the page, with the session cookie and the CSRF token. */
async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await fetch('/api/v1/auth/me').then((r) => r.json());
      const r = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, json: r.status === 204 ? null : await r.json() };
    },
    { method, path, body },
  );
}

async function newCase(page, surname) {
  const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
  const family = await api(page, 'POST', '/families', {
    name: surname,
    team: 'Sever',
    keyworker_id: me.user.id,
    address: { street: 'Ukázková', house_number: '3', district: 'brno-sever', kod_adm: 9990001 },
  });
  assert.equal(family.status, 201, JSON.stringify(family.json));
  const child = await api(page, 'POST', '/people', {
    family_id: family.json.id,
    role: 'child',
    given_names: 'Šimon',
    surname,
    birth_date: '2020-03-14',
    gender: 'male',
  });
  assert.equal(child.status, 201, JSON.stringify(child.json));
  const schools = await api(page, 'GET', '/schools?q=Ukazkova');
  const kase = await api(page, 'POST', '/enrollment-cases', {
    person_id: child.json.id,
    school_year: 2026,
    level: 'zs',
    target_school_ids: [schools.json.items[0].id],
  });
  assert.equal(kase.status, 201, JSON.stringify(kase.json));
  return kase.json;
}

async function recordStage(page, stage, date, extra = async () => {}) {
  await page.getByRole('combobox', { name: /^Fáze/ }).selectOption(stage);
  await page.locator('input[name="date"]').fill(date);
  await extra();
  await page.getByRole('button', { name: 'Uložit fázi' }).click();
}

test('pathway: decision before the application refused at the field, appeal deadline with its basis, late appeal flagged', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'terenni');
    await heading(page, 'Dnes').waitFor();
    const kase = await newCase(page, `Cestový${stamp}`);
    await page.goto(`${baseUrl}/enrollment/${kase.id}`);
    await heading(page, `Zápis: Šimon Cestový${stamp}`).waitFor();
    await page.getByText('Spádová škola', { exact: true }).waitFor();

    await recordStage(page, 'application_filed', '2026-04-10', () => page.getByLabel(/^Číslo přihlášky/).fill('ZS-2026-77'));
    await page.getByText('Uloženo. Případ je ve fázi: Přihláška podána.').waitFor();

    await recordStage(page, 'decision', '2026-04-09', () => page.getByLabel(/^Rozhodnutí/).selectOption('not_admitted'));
    const date = page.locator('input[name="date"]');
    const error = await eventually(() => fieldError(date), 'date error');
    assert.match(error, /dřívější než podání přihlášky/);

    await recordStage(page, 'decision', '2026-04-15', () => page.getByLabel(/^Rozhodnutí/).selectOption('not_admitted'));
    await page.getByText('Uloženo. Případ je ve fázi: Rozhodnutí.').waitFor();
    await recordStage(page, 'delivery', '2026-04-16', () => page.getByLabel(/^Způsob doručení/).selectOption('in_person'));
    await page.getByText('Uloženo. Případ je ve fázi: Doručení.').waitFor();

    const row = page.getByRole('row', { name: /Poslední den k odvolání/ });
    await row.waitFor();
    const text = await row.textContent();
    assert.match(text, /4\. 5\. 2026/);
    assert.match(text, /§ 83 odst\. 1/);

    await recordStage(page, 'appeal', '2026-05-05');
    await page.getByText('Lhůta k odvolání skončila 4. 5. 2026. Odvolání je zapsané a označené jako opožděné.').first().waitFor();
  });
});

test('board on a phone: a list grouped by stage without sideways scrolling', async (t) => {
  await withPage(
    t,
    async (page) => {
      await logIn(page, 'terenni');
      await heading(page, 'Dnes').waitFor();
      const kase = await newCase(page, `Nástěnkový${stamp}`);
      await page.goto(`${baseUrl}/enrollment`);
      await heading(page, 'Zápis').waitFor();
      const preparation = page.getByRole('region', { name: /Příprava/ });
      await preparation.getByRole('link', { name: `Šimon Nástěnkový${stamp}` }).waitFor();
      assert.equal(await preparation.getByRole('link', { name: `Šimon Nástěnkový${stamp}` }).getAttribute('href'), `/enrollment/${kase.id}`);
      await page.getByRole('table', { name: /školní rok 2026\/27/ }).waitFor();
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(sideways, false);
    },
    { viewport: { width: 390, height: 844 } },
  );
});

test('Dnes: overdue tasks in words, and a calendar feed that can be created and revoked', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'terenni');
    await heading(page, 'Dnes').waitFor();
    await newCase(page, `Kalendářový${stamp}`);  // zápis 2026 is over: its task is overdue
    await page.reload();
    const overdue = page.getByRole('list', { name: 'Po lhůtě' });
    const item = overdue.getByRole('listitem').filter({ hasText: `Kalendářový${stamp}` });
    await item.waitFor();
    assert.match(await item.textContent(), /po lhůtě/);

    await page.getByRole('button', { name: /Vytvořit adresu kalendáře|Vytvořit novou adresu/ }).click();
    const url = (await page.locator('.feed-url').textContent()).trim();
    assert.match(url, /\/api\/v1\/calendar\/feed\/[0-9a-f]{64}\.ics$/);
    const ics = await fetch(url);
    assert.equal(ics.status, 200);
    const body = await ics.text();
    assert.ok(body.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.ok(body.includes('Š. K. – Začíná zápis'));
    assert.ok(!body.includes(`Kalendářový${stamp}`));

    await page.getByRole('button', { name: 'Vypnout kalendář' }).click();
    await page.getByText('Kalendář zatím nemáte.').waitFor();
    assert.equal((await fetch(url)).status, 404);
  });
});

/** Saves a screenshot when KREDO_E2E_SHOTS names a directory (for looking at the pages by hand). */
async function shot(page, name) {
  if (process.env.KREDO_E2E_SHOTS) await page.screenshot({ path: `${process.env.KREDO_E2E_SHOTS}/${name}.png`, fullPage: true });
}

// One width keeps the suite fast; the phone layout of these pages was looked at by hand (390 px screenshots).
for (const viewport of [{ width: 1280, height: 800 }]) {
  test(`open a case from the child's page (catchment shown), then order target schools (${viewport.width} px)`, async (t) => {
    await withPage(
      t,
      async (page) => {
        patient(page);
        await logIn(page, 'terenni');
        await heading(page, 'Dnes').waitFor();
        const surname = `Otevřený${stamp}${viewport.width}`;
        const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
        const family = await api(page, 'POST', '/families', {
          name: surname,
          team: 'Sever',
          keyworker_id: me.user.id,
          address: { street: 'Ukázková', house_number: '3', district: 'brno-sever', kod_adm: 9990001 },
        });
        assert.equal(family.status, 201, JSON.stringify(family.json));
        const child = await api(page, 'POST', '/people', {
          family_id: family.json.id,
          role: 'child',
          given_names: 'Ema',
          surname,
          birth_date: '2021-02-11',
          gender: 'female',
        });
        assert.equal(child.status, 201, JSON.stringify(child.json));
        await page.goto(`${baseUrl}/people/${child.json.id}`);
        await page.getByRole('link', { name: 'Otevřít zápis' }).click();
        await heading(page, 'Nový zápis').waitFor();
        await page.getByLabel(/^Stupeň/).selectOption('zs');
        const catchment = page.getByTestId('catchment-preview');
        await eventually(async () => !/Hledám/.test(await catchment.textContent()), 'catchment looked up');
        assert.match(await catchment.textContent(), /IZO \d{9}/);
        await shot(page, `enrollment-open-${viewport.width}`);
        await page.getByRole('button', { name: 'Otevřít zápis' }).click();
        await page.getByText(/Zápis je otevřen/).waitFor();
        await heading(page, `Zápis: Ema ${surname}`).waitFor();

        await page.getByRole('button', { name: 'Upravit cílové školy' }).click();
        await page.getByLabel('Najít školu').fill('Ukazkova');
        await page.getByLabel('Najít školu').press('Enter');
        const found = page.getByRole('list', { name: 'Nalezené školy' });
        await found.getByRole('button').first().click();
        await page.getByLabel('Najít školu').fill('');
        await page.getByLabel('Najít školu').press('Enter');
        await eventually(async () => (await page.locator('.target-list__item').count()) === 1, 'one target');
        await found.getByRole('button').first().click();
        const second = page.locator('.target-list__item').nth(1);
        const secondName = (await second.locator('.target-list__name').textContent()).replace(/^2\. /, '');
        await second.getByRole('button', { name: /výš$/ }).click();
        await shot(page, `enrollment-targets-${viewport.width}`);
        const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(widths[0] <= widths[1], `no sideways scroll: ${widths}`);
        await page.getByRole('button', { name: 'Uložit pořadí' }).click();
        await page.getByText('Cílové školy jsou uloženy.').waitFor();
        const stored = await api(page, 'GET', `/enrollment-cases?person_id=${child.json.id}`);
        const kase = await api(page, 'GET', `/enrollment-cases/${stored.json.items[0].id}`);
        assert.equal(kase.json.target_schools.length, 2);
        assert.equal(kase.json.target_schools[0].name, secondName);
      },
      { viewport },
    );
  });
}
