// Rodiny (issue 3) against the real server. PENDING: written against notes/registry-api.md before the
// backend existed; rename to families.test.mjs once the registry endpoints are merged (tests/e2e/run.sh
// runs e2e/*.test.mjs only). Every test creates its own records, so it does not depend on demo families.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, eventually, fieldError, heading, logIn, withPage } from './support.mjs';

const stamp = Date.now().toString(36);

async function createFamily(page, name) {
  await page.goto(`${baseUrl}/families/new`);
  await heading(page, 'Nová rodina').waitFor();
  await page.getByLabel(/^Rodina/).fill(name);
  // A worker's own team is preselected; a coordinator without a team takes the first one.
  const team = page.getByLabel(/^Tým/);
  if ((await team.inputValue()) === '') await team.selectOption({ index: 1 });
  await page.getByLabel(/^Ulice/).fill('Cejl');
  await page.getByLabel(/^Číslo domu/).fill('12');
  await page.getByLabel(/^Městská část/).selectOption({ label: 'Brno-sever' });
  await page.getByLabel(/^PSČ/).fill('602 00');
  await page.getByRole('button', { name: 'Založit rodinu' }).click();
  await heading(page, `Rodina ${name}`).waitFor();
  return page.url();
}

async function addChild(page, familyUrl, { given, surname, birth, rc = '' }) {
  await page.goto(familyUrl);
  await page.getByRole('link', { name: 'Přidat člena rodiny' }).click();
  await heading(page, 'Nový člen rodiny').waitFor();
  await page.getByLabel(/^Jméno/).fill(given);
  await page.getByLabel(/^Příjmení/).fill(surname);
  await page.getByLabel(/^Pohlaví/).selectOption('male');
  await page.getByLabel(/^Datum narození/).fill(birth);
  if (rc) await page.getByLabel(/^Rodné číslo/).fill(rc);
  await page.getByRole('button', { name: 'Uložit člena rodiny' }).click();
}

test('worker creates a family, it opens on the timeline, a contact note appears newest first', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'terenni');
    await heading(page, 'Dnes').waitFor();
    const name = `Šťastní ${stamp}`;
    await createFamily(page, name);
    await page.getByText('Rodina byla založena. Přidejte její členy.').waitFor();
    const h2 = await page.getByRole('heading', { level: 2 }).allTextContents();
    assert.equal(h2[0], 'Časová osa');
    await page.getByText('Zatím žádný kontakt.', { exact: false }).waitFor();
    await page.getByLabel(/^Druh kontaktu/).selectOption('phone');
    await page.getByLabel(/^Co se stalo/).fill('Domluvena návštěva v MŠ.');
    await page.getByRole('button', { name: 'Uložit kontakt' }).click();
    await page.getByText('Kontakt byl zapsán na časovou osu.').waitFor();
    const first = page.getByRole('list', { name: 'Kontakty s rodinou, nejnovější nahoře' }).getByRole('listitem').first();
    assert.match(await first.textContent(), /\d{1,2}\. \d{1,2}\. \d{4} · Telefonát · terenni/);

    // Search without diacritics finds it.
    await page.goto(`${baseUrl}/families`);
    await page.getByLabel('Hledat jméno').fill(`stastni ${stamp}`);
    await page.getByRole('button', { name: 'Hledat', exact: true }).click();
    await page.getByRole('link', { name }).waitFor();
    assert.match(page.url(), /q=stastni/);

    // Nothing matches: the empty state says what to do next.
    await page.getByLabel('Hledat jméno').fill(`zzz-${stamp}`);
    await page.getByRole('button', { name: 'Hledat', exact: true }).click();
    await page.getByRole('heading', { name: 'Žádná rodina neodpovídá hledání' }).waitFor();
  });
});

test('person form: rodné číslo checked at the field, a likely duplicate (409) offers the existing record or save anyway', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'terenni');
    await heading(page, 'Dnes').waitFor();
    const familyUrl = await createFamily(page, `Dvořákovi ${stamp}`);
    await addChild(page, familyUrl, { given: 'Tomáš', surname: `Dvořák${stamp}`, birth: '2015-01-01', rc: '150101/0006' });
    const rc = page.getByLabel(/^Rodné číslo/);
    assert.equal(await eventually(() => fieldError(rc), 'rc error'), 'Chyba: Rodné číslo nemá správnou kontrolní číslici. Zkontrolujte ho.');
    await rc.fill('');
    await page.getByRole('button', { name: 'Uložit člena rodiny' }).click();
    await page.getByText('Člen rodiny byl uložen. Zaznamenejte jeho souhlasy.').waitFor();
    const firstPersonUrl = page.url();

    await addChild(page, familyUrl, { given: 'Tomas', surname: `Dvorak${stamp}`, birth: '2015-01-01' });
    await page.getByText('Tato osoba už možná v evidenci je').waitFor();
    const open = page.getByRole('link', { name: /Otevřít existující záznam/ });
    assert.equal(new URL(await open.getAttribute('href'), baseUrl).href, firstPersonUrl);
    assert.equal(await page.getByLabel(/^Jméno/).inputValue(), 'Tomas');
    await page.getByRole('button', { name: 'Je to jiná osoba — přesto uložit' }).click();
    await page.getByText('Člen rodiny byl uložen. Zaznamenejte jeho souhlasy.').waitFor();
    assert.notEqual(page.url(), firstPersonUrl);
  });
});

test('special-category section: shown collapsed to terenni, absent for terenni2', async (t) => {
  let personUrl = '';
  await withPage(t, async (page) => {
    await logIn(page, 'terenni');
    await heading(page, 'Dnes').waitFor();
    const familyUrl = await createFamily(page, `Citliví ${stamp}`);
    await addChild(page, familyUrl, { given: 'Adam', surname: `Citlivý${stamp}`, birth: '2018-03-03' });
    await page.getByText('Člen rodiny byl uložen.', { exact: false }).waitFor();
    personUrl = page.url();
    const summary = page.getByText('Zvláštní kategorie údajů (citlivé)');
    await summary.waitFor();
    assert.equal(await page.locator('details.sensitive').getAttribute('open'), null);
    await summary.click();
    await page.getByText(/Vidí jen pracovníci, kterým správce přidělil oprávnění/).waitFor();
  });
  await withPage(t, async (page) => {
    await logIn(page, 'terenni2');
    await heading(page, 'Dnes').waitFor();
    await page.goto(personUrl);
    // terenni2 may be outside the team (404) or inside without the flag: either way no sensitive section.
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByText('Zvláštní kategorie údajů (citlivé)').count(), 0);
  });
});

test('coordinator: GDPR export links, anonymisation refused while retention applies (409)', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'koordinator');
    await heading(page, 'Dnes').waitFor();
    const familyUrl = await createFamily(page, `Archiv ${stamp}`);
    await addChild(page, familyUrl, { given: 'Eva', surname: `Archivní${stamp}`, birth: '2017-07-07' });
    const gdpr = page.getByRole('region', { name: 'Ochrana osobních údajů' });
    await gdpr.waitFor();
    const html = await gdpr.getByRole('link', { name: /Výpis k tisku/ }).getAttribute('href');
    assert.match(html, /^\/api\/v1\/people\/\d+\/export\.html$/);
    const exported = await page.evaluate(async (url) => (await fetch(url)).status, html.replace(/\.html$/, ''));
    assert.equal(exported, 200);
    await gdpr.getByRole('button', { name: 'Anonymizovat osobu' }).click();
    await gdpr.getByRole('button', { name: 'Ano, anonymizovat' }).click();
    await gdpr.getByRole('alert').getByText('Anonymizovat zatím nelze').waitFor();
  });
});

test('on a phone the family list is cards and the page does not scroll sideways', async (t) => {
  await withPage(
    t,
    async (page) => {
      await logIn(page, 'terenni');
      await heading(page, 'Dnes').waitFor();
      await createFamily(page, `Mobilní ${stamp}`);
      await page.goto(`${baseUrl}/families?q=${encodeURIComponent(`mobilni ${stamp}`)}`);
      const row = page.getByRole('row', { name: new RegExp(`Mobilní ${stamp}`) });
      await row.waitFor();
      assert.equal(await row.evaluate((el) => getComputedStyle(el).display), 'block');
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(sideways, false);
    },
    { viewport: { width: 390, height: 844 } },
  );
});
