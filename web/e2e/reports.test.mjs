// Výkazy (issue 6) against the real server over the demo data: a coordinator creates a draft for a
// reporting period, sees targets against actuals, drills down, submits with a confirmation, and the
// dashboard and impact summary pages answer; an analyst sees no drill-down.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, heading, logIn, withPage } from './support.mjs';

test('coordinator creates, inspects and submits a report', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'koordinator');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/reports`);
    await heading(page, 'Výkazy').waitFor();
    await page.getByRole('button', { name: /^ZoR 2/ }).click();
    await page.getByRole('button', { name: 'Vytvořit koncept' }).click();
    await heading(page, /^Zpráva za/).waitFor();
    const esf = page.getByRole('table', { name: /Ukazatele ESF\+/ });
    const row = esf.getByRole('row', { name: /EECO01/ });
    await row.waitFor();
    assert.match(await row.textContent(), /Celkový počet účastníků/);
    assert.ok(await page.getByRole('link', { name: 'Stáhnout XLSX' }).isVisible());

    await page.getByRole('button', { name: 'Záznamy započtené v EECO01' }).click();
    await page.getByRole('heading', { name: 'Záznamy v ukazateli EECO01' }).waitFor();
    await page.getByRole('button', { name: 'Zavřít' }).click();

    await page.getByRole('button', { name: 'Odevzdat zprávu' }).click();
    await page.getByRole('button', { name: 'Ano, odevzdat' }).click();
    await page.getByText('SHA-256').waitFor();
    assert.match(await page.locator('.report-meta code').textContent(), /^[0-9a-f]{64}$/);
  });
});

test('dashboard and impact summary on a phone', async (t) => {
  await withPage(
    t,
    async (page) => {
      await logIn(page, 'koordinator');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`${baseUrl}/reports/dashboard`);
      await page.getByRole('heading', { name: 'Plnění cílových hodnot' }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `no sideways scroll (scrollWidth ${width})`);
      await page.goto(`${baseUrl}/reports/impact`);
      await heading(page, 'Shrnutí dopadu').waitFor();
      const pdf = page.getByRole('link', { name: 'Stáhnout PDF' });
      await pdf.waitFor();
      const href = await pdf.getAttribute('href');
      assert.match(href, /^\/api\/v1\/impact-summary\.pdf\?from=2023-10-01&to=2025-09-30$/);
    },
    { viewport: { width: 390, height: 800 } },
  );
});

test('analyst reads a report without drill-down', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'koordinator');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/reports`);
    await page.getByRole('button', { name: /^ZoR 1/ }).click();
    await page.getByRole('button', { name: 'Vytvořit koncept' }).click();
    await heading(page, /^Zpráva za/).waitFor();
    const url = page.url();
    // A new session for the analyst: the coordinator's cookies go.
    await page.context().clearCookies();
    await logIn(page, 'analytik');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(url);
    await heading(page, /^Zpráva za/).waitFor();
    assert.equal(await page.getByRole('button', { name: /Záznamy započtené/ }).count(), 0);
  });
});
