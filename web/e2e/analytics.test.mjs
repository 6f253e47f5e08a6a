// Analýzy against the real server: the admission simulator (3 draws on the Brno-like city) and the
// segregation calculator on a tiny CSV, as the analyst.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { heading, logIn, withPage } from './support.mjs';

test('analyst runs the admission simulator and sees the policies side by side', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'analytik');
    await heading(page, 'Dnes').waitFor();
    await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Analýzy' }).click();
    await heading(page, 'Analýzy').waitFor();
    await page.getByRole('navigation', { name: 'Části analýz' }).getByRole('link', { name: 'Simulátor přijímání' }).click();
    await heading(page, 'Simulátor pravidel přijímání').waitFor();

    const download = page.getByRole('link', { name: 'Stáhnout scénář (JSON)' });
    const scenario = await page.request.get(new URL(await download.getAttribute('href'), page.url()).href);
    assert.equal(scenario.status(), 200);
    assert.equal((await scenario.json()).name, 'brno');

    await page.getByLabel(/^Počet losování/).fill('3');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/analytics/simulate'));
    await page.getByRole('button', { name: 'Spustit simulaci' }).click();
    const response = await answer;
    assert.equal(response.status(), 200);
    assert.deepEqual(JSON.parse(response.request().postData() ?? '{}'), { draws: 3, seed: 1 });
    const body = await response.json();

    const table = page.getByRole('table', { name: 'Výsledky simulace podle pravidla přijímání' });
    await table.waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    assert.deepEqual(headers, ['Ukazatel', 'Spádovost', 'Přímé přijímání', 'Odložené přijetí (DA)', 'DA s rezervami', 'Řízená volba']);
    const dRow = await table.getByRole('row', { name: /^D/ }).textContent();
    const catchmentD = body.mechanisms.find((m) => m.mechanism === 'catchment').D.mean;
    const czech = new Intl.NumberFormat('cs-CZ', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(catchmentD);
    assert.ok(dRow.includes(czech), `row D shows ${czech}: ${dRow}`);
    await page.getByText(/Modelové město: 4\s300 dětí/).waitFor();
    await page.getByRole('heading', { name: 'Jak se počítají nepřijaté děti' }).waitFor();
    assert.equal(await page.getByRole('img', { name: /podle pravidla přijímání/ }).count(), 8);
  });
});

test('analyst measures segregation on a tiny CSV and sees D', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'analytik');
    await heading(page, 'Dnes').waitFor();
    await page.goto(page.url().replace(/\/today.*$/, '/analytics/segregation'));
    await heading(page, 'Kalkulačka segregace').waitFor();
    await page
      .getByLabel(/^Tabulka CSV/)
      .fill('skupina;škola;počet\nroma;A;10\nother;A;5\nroma;B;1\nother;B;30\nother;C;20\n');
    await page.getByText('Načteno 5 řádků: 2 skupin, 3 jednotek.').waitFor();
    await page.getByLabel('První skupina').selectOption('roma');
    await page.getByLabel('Druhá skupina').selectOption('other');
    await page.getByRole('button', { name: 'Spočítat' }).click();
    await page.getByText('D (roma × other)').waitFor();
    const figures = await page.locator('.analytics-figures').textContent();
    assert.match(figures, /D \(roma × other\)0,818/);
    assert.match(figures, /M0,239/);
    const local = page.getByRole('table', { name: 'Lokální segregace podle jednotek' });
    assert.deepEqual(await local.getByRole('rowheader').allTextContents(), ['A', 'C', 'B']);

    // A negative weight is caught in the browser, with its line.
    await page.getByLabel(/^Tabulka CSV/).fill('skupina;škola;počet\nroma;A;-1\nother;B;2\n');
    await page.getByRole('button', { name: 'Spočítat' }).click();
    await page.getByRole('alert').getByText('Řádek 2: váha -1 je záporná').waitFor();
  });
});
