// Incidenty (issue 5) against the real server: a worker records an incident at an institution,
// attaches a text file as evidence (a forbidden file is refused at the field), adds an appeal whose
// deadline the server computes, and the analyst sees only the statistics.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, eventually, fieldError, heading, logIn, withPage } from './support.mjs';

const stamp = Date.now().toString(36);

test('worker records an incident with evidence and an appeal; the deadline is computed', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'terenni');
    await heading(page, 'Dnes').waitFor();
    await page.goto(`${baseUrl}/incidents/new`);
    await heading(page, 'Nový incident').waitFor();
    await page.getByLabel(/^Druh/).selectOption('antigypsyism_at_office');
    await page.getByLabel('Jinde (úřad, poradna…)').check();
    await page.getByLabel(/^Instituce/).fill(`Úřad (fiktivní) ${stamp}`);
    // Without a description the form says so at the field.
    await page.getByRole('button', { name: 'Uložit incident' }).click();
    const description = page.getByLabel(/^Co se stalo/);
    assert.equal(await eventually(() => fieldError(description), 'description error'), 'Chyba: Vyplňte prosím toto pole.');
    await description.fill('Úředník odmítl vydat formulář a komentoval původ otce.');
    await page.getByRole('button', { name: 'Uložit incident' }).click();
    await heading(page, 'Anticikanismus na úřadě').waitFor();

    // Evidence: a program is refused by the server (type read from the bytes), a text file is stored.
    const file = page.getByLabel(/^Soubor/);
    await file.setInputFiles({ name: 'poznamky.txt', mimeType: 'text/plain', buffer: Buffer.from('\x00\x01MZ binary') });
    await page.getByRole('button', { name: 'Nahrát soubor' }).click();
    assert.match(await eventually(() => fieldError(file), 'file error'), /PDF, JPEG, PNG/);
    await file.setInputFiles({ name: 'poznamky.txt', mimeType: 'text/plain', buffer: Buffer.from('Poznámky ze dne (fiktivní).\n') });
    await page.getByRole('button', { name: 'Nahrát soubor' }).click();
    await page.getByText('Soubor je uložený.').waitFor();
    await page.getByRole('link', { name: 'poznamky.txt' }).waitFor();

    // An appeal delivered on Thu 16 Apr 2026: 15 days end on 1 May (holiday), so Mon 4 May.
    await page.getByRole('combobox', { name: /^Krok/ }).selectOption('appeal');
    await page.getByLabel(/^Rozhodnutí doručeno dne/).fill('2026-04-16');
    await page.getByRole('button', { name: 'Přidat krok' }).click();
    await page.getByText('Krok je uložený.').waitFor();
    await page.getByText(/lhůta 4\. 5\. 2026/).waitFor();

    await page.goto(`${baseUrl}/incidents`);
    await heading(page, 'Incidenty').waitFor();
    await page.getByRole('heading', { name: 'Statistika podle škol a druhů' }).waitFor();
  });
});

test('analyst sees the statistics only', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'analytik');
    await heading(page, 'Dnes').waitFor();
    await page.goto(`${baseUrl}/incidents`);
    await heading(page, 'Incidenty').waitFor();
    await page.getByRole('table').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Zaznamenat incident' }).count(), 0);
  });
});
