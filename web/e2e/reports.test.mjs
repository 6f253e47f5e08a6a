// Výkazy (issue 6) against the real server over the demo data: a coordinator creates a draft for a
// reporting period, sees targets against actuals, drills down, submits with a confirmation, and the
// dashboard and impact summary pages answer; an analyst sees no drill-down.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { patient } from './api.mjs';
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

test('coordinator edits the project: a target, a reporting period, and a stale version resolved', async (t) => {
  await withPage(t, async (page) => {
    patient(page);
    await logIn(page, 'koordinator');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/reports/project`);
    await heading(page, 'Projekt a cíle').waitFor();
    await page.getByLabel(/^EECO01 /).fill('150');
    await page.getByRole('button', { name: 'Přidat období' }).click();
    const n = await page.locator('.project-periods__item').count();
    await page.getByLabel(new RegExp(`^Název ${n}\\. období`)).fill('ZoR e2e');
    await page.getByLabel(new RegExp(`^Začátek ${n}\\. období`)).fill('2025-04-01');
    await page.getByLabel(new RegExp(`^Konec ${n}\\. období`)).fill('2025-09-30');
    if (process.env.KREDO_E2E_SHOTS) await page.screenshot({ path: `${process.env.KREDO_E2E_SHOTS}/project-1280.png`, fullPage: true });

    // Someone else saves first: the form shows both versions and keeps this one on request.
    const marker = `souběžná úprava ${Date.now().toString(36)}`;
    const other = await page.evaluate(async (marker) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const p = await (await fetch('/api/v1/project')).json();
      const r = await fetch('/api/v1/project', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify({ version: p.version, funder: `${p.funder} – ${marker}` }),
      });
      return r.status;
    }, marker);
    assert.equal(other, 200);
    await page.getByRole('button', { name: 'Uložit projekt' }).click();
    await page.getByText('Projekt mezitím upravil někdo jiný').waitFor();
    await page.getByRole('cell', { name: new RegExp(`${marker}$`) }).waitFor();
    await page.getByRole('button', { name: 'Uložit mou úpravu' }).click();
    await page.getByText('Projekt je uložen.').waitFor();

    const stored = await page.evaluate(() => fetch('/api/v1/project').then((r) => r.json()));
    assert.equal(stored.targets.EECO01, 150);
    assert.ok(stored.periods.some((p) => p.label === 'ZoR e2e' && p.from === '2025-04-01'));
  });
});
