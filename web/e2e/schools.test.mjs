// Školy (issue 5) against the real server. `kredo demo` creates no schools, so each test creates its own
// through POST /schools as koordinator (and composition estimates through the API); the screens under
// test are the list, the school page and its forms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiOk, patient } from './api.mjs';
import { baseUrl, eventually, fieldError, heading, logIn, withPage } from './support.mjs';

const stamp = Date.now().toString(36);
const izo = String(100000000 + (Date.now() % 899999999)).slice(0, 9);
const schoolName = `Základní škola Šťastná ${stamp}`;

async function createSchool(page) {
  const school = await apiOk(page, 'POST', '/schools', {
    izo,
    name: schoolName,
    type: 'zs',
    district: 'Brno-střed',
    address: 'Fiktivní 12, 602 00 Brno',
    capacity: 540,
    founder: { name: 'Městská část Brno-střed (fiktivní)', ico: '44992785' },
  });
  await apiOk(page, 'POST', `/schools/${school.id}/composition`, {
    school_year: 2024, roma_share: 0.4, disadvantaged_share: 0.5, source: 'odhad vedení (fiktivní)', estimated_on: '2024-10-01', confidence: 'medium',
  });
  await apiOk(page, 'POST', `/schools/${school.id}/composition`, {
    school_year: 2025, roma_share: 0.62, source: 'výroční zpráva (fiktivní)', estimated_on: '2025-10-01', confidence: 'high',
  });
  return school;
}

let schoolId = 0;

test('coordinator finds a school without diacritics, reads its composition and records openness and a contact', async (t) => {
  await withPage(t, async (page) => {
    patient(page);
    await logIn(page, 'koordinator');
    await heading(page, 'Dnes').waitFor();
    schoolId = (await createSchool(page)).id;

    await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Školy' }).click();
    await heading(page, 'Školy').waitFor();
    await page.getByLabel(/^Hledat školu/).fill(`stastna ${stamp}`);
    await page.getByRole('button', { name: 'Hledat', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(schoolName) });
    await row.waitFor();
    assert.match(await row.textContent(), /62\s%\sromských žáků \(2025\/26\)/);
    assert.match(await row.textContent(), /více než polovina/);
    // The exact IZO finds it too.
    await page.getByLabel(/^Hledat školu/).fill(izo);
    await page.getByRole('button', { name: 'Hledat', exact: true }).click();
    await page.getByText('Nalezena 1 škola.').waitFor();
    await page.getByRole('link', { name: schoolName }).click();

    await heading(page, schoolName).waitFor();
    const facts = await page.locator('.facts').textContent();
    assert.ok(facts.includes(izo));
    assert.ok(facts.includes('540 žáků'));
    await page.getByRole('img', { name: /Podíl romských a sociálně znevýhodněných žáků/ }).waitFor();
    const estimates = page.getByRole('table', { name: 'Všechny odhady, nejnovější nahoře' });
    const rows = await estimates.getByRole('row').allTextContents();
    assert.match(rows[1], /2025\/26.*62\s%.*více než polovina/);
    assert.match(rows[2], /2024\/25.*40\s%.*50\s%.*více než třetina/);

    await page.getByLabel(/^Postoj vedení/).selectOption('closed');
    await page.getByLabel(/^Na čem hodnocení stojí/).fill('Ředitel odmítl schůzku o zápisu (fiktivní).');
    await page.getByRole('button', { name: 'Uložit hodnocení' }).click();
    await page.getByText('Hodnocení bylo uloženo.').waitFor();
    await page.getByRole('list', { name: 'Hodnocení otevřenosti, nejnovější nahoře' }).getByText('Ředitel odmítl schůzku o zápisu (fiktivní).').waitFor();

    await page.getByLabel(/^Druh jednání/).selectOption('phone');
    await page.getByLabel(/^O čem se jednalo/).fill('Telefonát se zástupkyní o volných místech.');
    await page.getByRole('button', { name: 'Uložit jednání' }).click();
    await page.getByText('Jednání bylo zapsáno.').waitFor();
    const first = page.getByRole('list', { name: 'Jednání se školou, nejnovější nahoře' }).getByRole('listitem').first();
    assert.match(await first.textContent(), /\d{1,2}\. \d{1,2}\. \d{4} · Telefonát · koordinator/);

    await page.locator('[data-slot="school-incidents"]').waitFor();
  });
});

test('coordinator changes a zápis window with its version, then puts it back', async (t) => {
  await withPage(t, async (page) => {
    patient(page);
    await logIn(page, 'koordinator');
    await heading(page, 'Dnes').waitFor();
    await page.goto(`${baseUrl}/schools/zapis-windows`);
    await heading(page, 'Termíny zápisu').waitFor();
    const table = page.getByRole('table', { name: 'Termíny zápisu podle školních let' });
    await table.waitFor();
    const edit = page.getByRole('button', { name: /^Upravit ZŠ / }).first();
    const label = (await edit.textContent()).replace(/^Upravit /, '');
    await edit.click();
    const form = page.getByRole('form', { name: `Úprava termínu zápisu ${label}` });
    const to = form.getByLabel('Do (povinné)');
    const before = await to.inputValue();
    const changed = before.replace(/-30$/, '-29');
    await to.fill(changed);
    await form.getByRole('button', { name: 'Uložit termín' }).click();
    await page.getByText(`Termín zápisu ${label} byl uložen.`).waitFor();
    const [y, m, d] = changed.split('-').map(Number);
    await table.getByRole('row', { name: new RegExp(`${d}\\. ${m}\\. ${y}`) }).waitFor();
    // Put it back (the demo database is shared by the other e2e tests of the run).
    await page.getByRole('button', { name: `Upravit ${label}` }).click();
    await page.getByRole('form', { name: `Úprava termínu zápisu ${label}` }).getByLabel('Do (povinné)').fill(before);
    await page.getByRole('form', { name: `Úprava termínu zápisu ${label}` }).getByRole('button', { name: 'Uložit termín' }).click();
    await page.getByText(`Termín zápisu ${label} byl uložen.`).waitFor();
  });
});

test('worker reads the school and logs a contact, but records no openness and edits no zápis window; phone width', async (t) => {
  await withPage(
    t,
    async (page) => {
      patient(page);
      await logIn(page, 'terenni');
      await heading(page, 'Dnes').waitFor();
      assert.ok(schoolId > 0, 'the first test created the school');
      await page.goto(`${baseUrl}/schools/${schoolId}`);
      await heading(page, schoolName).waitFor();
      await page.getByRole('button', { name: 'Uložit jednání' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Uložit hodnocení' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: /^Upravit ZŠ/ }).count(), 0);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(sideways, false, 'the school page scrolls sideways on a phone');
      await page.goto(`${baseUrl}/schools?q=${encodeURIComponent(`stastna ${stamp}`)}`);
      const row = page.getByRole('row', { name: new RegExp(schoolName) });
      await row.waitFor();
      assert.equal(await row.evaluate((el) => getComputedStyle(el).display), 'block');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false);
    },
    { viewport: { width: 390, height: 844 } },
  );
});

/** Saves a screenshot when KREDO_E2E_SHOTS names a directory (for looking at the pages by hand). */
async function shot(page, name) {
  if (process.env.KREDO_E2E_SHOTS) await page.screenshot({ path: `${process.env.KREDO_E2E_SHOTS}/${name}.png`, fullPage: true });
}

test('a coordinator creates a school (IZO already used shown at the field) and edits it', async (t) => {
  await withPage(t, async (page) => {
    patient(page);
    await logIn(page, 'koordinator');
    await heading(page, 'Dnes').waitFor();
    const taken = await apiOk(page, 'POST', '/schools', { izo: String(Number(izo) - 7).padStart(9, '1'), name: `MŠ Obsazená ${stamp}`, type: 'ms' });
    await page.goto(`${baseUrl}/schools`);
    await page.getByRole('link', { name: 'Nová škola' }).click();
    await heading(page, 'Nová škola').waitFor();
    await page.getByLabel(/^IZO/).fill(taken.izo);
    await page.getByLabel(/^Název školy/).fill(`ZŠ Formulářová ${stamp}`);
    await page.getByLabel(/^Kód adresního místa/).fill('21234567');
    await page.getByLabel(/^Zeměpisná šířka/).fill('49,1951');
    await page.getByLabel(/^Zeměpisná délka/).fill('16,6068');
    await page.getByLabel(/^Kapacita/).fill('320');
    await page.getByRole('button', { name: 'Založit školu' }).click();
    const izoInput = page.getByLabel(/^IZO/);
    const izoError = await eventually(() => fieldError(izoInput), 'IZO error');
    assert.match(izoError, /IZO/);
    await shot(page, `school-form-1280`);
    await izoInput.fill(String(Number(izo) + 3).slice(0, 9));
    await page.getByRole('button', { name: 'Založit školu' }).click();
    await page.getByText('Škola je založena.').waitFor();
    await heading(page, `ZŠ Formulářová ${stamp}`).waitFor();
    await page.getByRole('link', { name: 'Upravit školu' }).click();
    await page.getByLabel(/^Kapacita/).fill('350');
    await page.getByLabel(/^Městská část/).fill('Brno-sever');
    await page.getByRole('button', { name: 'Uložit změny' }).click();
    await page.getByText('Změny školy jsou uloženy.').waitFor();
    const facts = await page.locator('.facts').first().textContent();
    assert.ok(facts.includes('Brno-sever'), facts);
    assert.ok(facts.includes('350'), facts);
  });
});
