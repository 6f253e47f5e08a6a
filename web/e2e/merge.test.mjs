// Rodiny › Hledat osoby and merging duplicate records (issue 3) against the real server. Each test creates
// its own family and people through the API as koordinator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, apiOk, patient } from './api.mjs';
import { baseUrl, heading, logIn, withPage } from './support.mjs';

const stamp = Date.now().toString(36);
let pairs = 0;

/** A person and a likely duplicate of them (same folded name and birth date), in a new family. */
async function createPair(page) {
  pairs += 1;
  const surname = `Šťastný${stamp}${'abcdefgh'[pairs]}`;
  const family = await apiOk(page, 'POST', '/families', {
    name: `Šťastní ${stamp}`,
    team: 'Sever',
    address: { street: 'Cejl', house_number: '12', district: 'brno-sever', postal_code: '602 00' },
  });
  const person = { family_id: family.id, role: 'child', given_names: 'Tomáš', surname, birth_date: '2019-03-04', gender: 'male' };
  const a = await apiOk(page, 'POST', '/people', person);
  const b = await apiOk(page, 'POST', '/people', { ...person, given_names: 'Tomas', surname: surname.replace('Šťastný', 'Stastny'), confirm_not_duplicate: true });
  return { family, a, b, surname };
}

test('people search: no diacritics needed, Czech order, a link to the person page; reachable from Rodiny', async (t) => {
  await withPage(t, async (page) => {
    patient(page);
    await logIn(page, 'koordinator');
    await heading(page, 'Dnes').waitFor();
    const { a, surname } = await createPair(page);
    await page.goto(`${baseUrl}/families`);
    await heading(page, 'Rodiny').waitFor();
    await page.getByRole('navigation', { name: 'Rodiny a osoby' }).getByRole('link', { name: 'Hledat osoby' }).click();
    await heading(page, 'Hledat osoby').waitFor();
    await page.getByLabel(/^Jméno nebo příjmení/).fill(surname.replace('Šťastný', 'stastny'));
    await page.getByRole('button', { name: 'Hledat', exact: true }).click();
    await page.getByText('Nalezeny 2 osoby.').waitFor();
    assert.match(page.url(), new RegExp(`q=${surname.replace('Šťastný', 'stastny')}`));
    const names = await page.getByRole('table', { name: 'Nalezené osoby' }).locator('tbody th').allTextContents();
    assert.equal(names.length, 2);
    await page.getByRole('link', { name: `Tomáš ${surname}` }).click();
    await heading(page, `Tomáš ${surname}`).waitFor();
    assert.ok(page.url().endsWith(`/people/${a.id}`));
  });
});

test('coordinator merges a duplicate after comparing both, undoes it, and finds it among recent merges', async (t) => {
  await withPage(t, async (page) => {
    patient(page);
    await logIn(page, 'koordinator');
    await heading(page, 'Dnes').waitFor();
    const { a, b, surname } = await createPair(page);
    const folded = surname.replace('Šťastný', 'stastny');
    await page.goto(`${baseUrl}/people/${a.id}`);
    await heading(page, `Tomáš ${surname}`).waitFor();
    await page.getByRole('link', { name: 'Sloučit s jiným záznamem' }).click();
    await heading(page, 'Sloučit s jiným záznamem').waitFor();
    // The search starts with the surname; with diacritics folded the duplicate is found.
    await page.getByLabel(/^Jméno nebo příjmení/).fill(folded);
    await page.getByRole('button', { name: 'Hledat', exact: true }).click();
    const candidates = page.getByRole('table', { name: 'Záznamy, které lze sloučit' });
    await candidates.getByRole('button', { name: `Vybrat Tomas ${b.surname}` }).click();
    const compare = page.getByRole('table', { name: 'Porovnání ponechaného a slučovaného záznamu' });
    await compare.waitFor();
    assert.match(await compare.getByRole('row', { name: /Příjmení/ }).textContent(), /liší se/);
    await page.getByRole('button', { name: 'Sloučit záznamy' }).click();
    await page.getByRole('button', { name: 'Ano, sloučit' }).click();
    await heading(page, 'Záznamy byly sloučeny').waitFor();
    await page.getByText(/sloučení můžete vrátit do \d{1,2}\. \d{1,2}\. \d{4}/).waitFor();

    // The duplicate is gone from the search and its page answers "not found".
    const found = await apiOk(page, 'GET', `/people?q=${folded}`);
    assert.deepEqual(found.items.map((p) => p.id), [a.id]);

    await page.getByRole('button', { name: 'Vrátit sloučení (možné 30 dní)' }).click();
    await page.getByText('Sloučení bylo vráceno').waitFor();
    await page.getByRole('link', { name: `Tomas ${b.surname}` }).click();
    await heading(page, `Tomas ${b.surname}`).waitFor();

    await page.goto(`${baseUrl}/people/merges`);
    await heading(page, 'Sloučené záznamy').waitFor();
    // The merged-away record is named with its number: "Tomas <surname> (č. N)".
    const row = page.getByRole('row', { name: new RegExp(`\\(č\\. ${b.id}\\)`) }).first();
    assert.match(await row.textContent(), /vráceno/);
  });
});

test('a stale version is refused (409) and explained; a worker cannot merge', async (t) => {
  let ids = { a: 0, b: 0 };
  await withPage(t, async (page) => {
    patient(page);
    await logIn(page, 'koordinator');
    await heading(page, 'Dnes').waitFor();
    const { a, b } = await createPair(page);
    ids = { a: a.id, b: b.id };
    await page.goto(`${baseUrl}/people/${a.id}/merge?with=${b.id}`);
    await page.getByRole('table', { name: 'Porovnání ponechaného a slučovaného záznamu' }).waitFor();
    // Someone edits the record meanwhile.
    await apiOk(page, 'PATCH', `/people/${a.id}`, { version: a.version, preferred_name: 'Tomík' });
    await page.getByRole('button', { name: 'Sloučit záznamy' }).click();
    await page.getByRole('button', { name: 'Ano, sloučit' }).click();
    await page.getByText('Záznam se mezitím změnil').waitFor();
    // Confirming again uses the reloaded version.
    await page.getByRole('button', { name: 'Sloučit záznamy' }).click();
    await page.getByRole('button', { name: 'Ano, sloučit' }).click();
    await heading(page, 'Záznamy byly sloučeny').waitFor();
  });
  await withPage(t, async (page) => {
    patient(page);
    await logIn(page, 'terenni');
    await heading(page, 'Dnes').waitFor();
    await page.goto(`${baseUrl}/people/${ids.a}/merge?with=${ids.b}`);
    await page.getByRole('heading', { name: 'Slučovat záznamy smí jen koordinátor nebo správce.' }).waitFor();
    const r = await api(page, 'POST', `/people/${ids.a}/merge`, { duplicate_id: ids.b, version: 1 });
    assert.equal(r.status, 403);
  });
});

test('legal hold: a coordinator sets and lifts it on a person (skipped until PATCH accepts legal_hold)', async (t) => {
  await withPage(t, async (page) => {
    patient(page);
    await logIn(page, 'koordinator');
    await heading(page, 'Dnes').waitFor();
    const { a, surname } = await createPair(page);
    const probe = await api(page, 'PATCH', `/people/${a.id}`, { version: a.version, legal_hold: true });
    if (probe.status !== 200 || probe.json.legal_hold !== true) {
      t.skip(`the server does not take legal_hold in PATCH /people yet (answered ${probe.status})`);
      return;
    }
    await page.goto(`${baseUrl}/people/${a.id}`);
    await heading(page, `Tomáš ${surname}`).waitFor();
    await page.getByText('Na osobě je právní blokace: nelze ji anonymizovat.').waitFor();
    await page.getByRole('button', { name: 'Zrušit právní blokaci' }).click();
    await page.getByText('Právní blokace byla zrušena.').waitFor();
    await page.getByRole('button', { name: 'Nastavit právní blokaci' }).click();
    await page.getByText('Právní blokace byla nastavena.').waitFor();
    await page.getByText(/^\W*právní blokace$/).waitFor();  // the badge (with its ⚖ sign)
  });
});
