// Aktivity (issue 4) against the real server with the demo data: the list, a demo session's roll-call
// (one tap per child, saved at once and still there after a reload), the attendance sheet PDF.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, heading, logIn, withPage } from './support.mjs';

test('worker opens a club session, takes the roll-call, it survives a reload; the PDF sheet is served', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'terenni');
    await heading(page, 'Dnes').waitFor();
    await page.goto(`${baseUrl}/activities`);
    await heading(page, 'Aktivity').waitFor();
    await page.getByRole('heading', { name: 'Přestávají chodit' }).waitFor();
    const first = page.getByRole('link', { name: /Skupinové setkání dětí|Setkání rodičů/ }).first();
    await first.click();
    await page.getByRole('heading', { name: 'Docházka' }).waitFor();
    const group = page.getByRole('region', { name: 'Docházka' }).getByRole('group').first();
    await group.getByRole('button', { name: 'Omluven' }).click();
    await page.getByText('Uloženo.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Docházka' }).waitFor();
    const pressed = page.getByRole('region', { name: 'Docházka' }).getByRole('group').first().getByRole('button', { name: 'Omluven' });
    await pressed.waitFor();
    for (let i = 0; i < 50 && (await pressed.getAttribute('aria-pressed')) !== 'true'; i++) await page.waitForTimeout(100);
    assert.equal(await pressed.getAttribute('aria-pressed'), 'true');
    const href = await page.getByRole('link', { name: 'Prezenční listina (PDF)' }).getAttribute('href');
    const res = await page.request.get(`${baseUrl}${href}`);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    assert.equal((await res.body()).subarray(0, 5).toString(), '%PDF-');
  });
});
