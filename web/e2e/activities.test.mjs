// Aktivity (issue 4) against the real server with the demo data: the list, a demo session's roll-call
// (one tap per child, saved at once and still there after a reload), the attendance sheet PDF; the
// roll-call on a 390 px phone (no sideways scroll, one tap per child); the groups flow (create a group,
// add a member, generate sessions with a public holiday skipped, see them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, eventually, heading, logIn, withPage } from './support.mjs';

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

// One browser for both phone checks keeps the e2e budget: the roll-call, then the groups flow.
test('phone (390 px): roll-call without sideways scroll, one tap per child; groups: create, add a member, generate sessions (holiday skipped), see them', async (t) => {
  await withPage(
    t,
    async (page) => {
      await logIn(page, 'terenni');
      await heading(page, 'Dnes').waitFor();
      await page.goto(`${baseUrl}/activities`);
      await page.getByRole('link', { name: /Skupinové setkání dětí|Setkání rodičů/ }).first().click();
      const region = page.getByRole('region', { name: 'Docházka' });
      await region.getByRole('heading', { name: 'Docházka' }).waitFor();
      const rows = region.getByRole('group');
      await rows.first().waitFor();
      const count = await rows.count();
      assert.ok(count >= 2, `expected children in the roll-call, got ${count}`);
      const scroll = () => page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok((await scroll()) <= 390, `sideways scroll on the roll-call: scrollWidth ${await scroll()}`);
      for (let i = 0; i < count; i++) {
        const button = rows.nth(i).getByRole('button', { name: 'Přítomen' });
        const box = await button.boundingBox();
        assert.ok(box && box.height >= 44 && box.x >= 0 && box.x + box.width <= 390, `child ${i}: button off screen or too small`);
        await button.tap();
        assert.equal(await button.getAttribute('aria-pressed'), 'true');
      }
      await region.getByText(`Přítomno ${count} z ${count}.`).or(region.getByText(`Přítomni ${count} z ${count}.`)).waitFor();
      await region.getByText('Uloženo.').waitFor();
      assert.ok((await scroll()) <= 390, 'sideways scroll after the roll-call');
      const url = page.url().replace('/activities/', '/api/v1/activities/') + '/attendance';
      const saved = await eventually(async () => {
        const a = await page.evaluate(async (u) => (await fetch(u)).json(), url);
        return a.present === count ? a : null;
      }, 'every child saved as present');
      assert.equal(saved.records.length, count);

      await page.goto(`${baseUrl}/activities/groups`);
      await heading(page, 'Skupiny').waitFor();
      await page.getByRole('link', { name: 'Nová skupina' }).click();
      await heading(page, 'Nová skupina').waitFor();
      await page.getByLabel(/^Název/).fill('Čtvrteční klub E2E');
      await page.getByLabel(/^Den v týdnu/).selectOption({ label: 'čtvrtek' });
      await page.getByLabel(/^Začátek/).fill('15:30');
      await page.getByLabel(/^Konec/).fill('17:00');
      await page.getByLabel(/^Platí od/).fill('2025-09-01');
      await page.getByLabel(/^Místo/).fill('Klubovna Sever');
      await page.getByRole('button', { name: 'Založit skupinu' }).click();
      await heading(page, 'Čtvrteční klub E2E').waitFor();
      await page.getByText('Skupina uložena.').waitFor();

      await page.getByLabel(/^Najít účastníka/).fill('adela');
      await page.getByRole('button', { name: 'Přidat: Adéla Áčková' }).first().click();
      await page.getByRole('heading', { name: 'Členové (1)' }).waitFor();
      await page.getByRole('button', { name: 'Odebrat: Adéla Áčková' }).waitFor();

      const generate = page.getByRole('form', { name: 'Vytvořit setkání' });
      await generate.getByLabel(/^Od/).fill('2025-12-01');
      await generate.getByLabel(/^Do/).fill('2025-12-31');
      await generate.getByRole('button', { name: 'Vytvořit setkání' }).click();
      await page.getByText('Vytvořena 3 setkání.').waitFor();
      await page.getByText(/Přeskočen 1 svátek: 25\. 12\. 2025/).waitFor();
      await page.getByRole('heading', { name: 'Setkání (3)' }).waitFor();
      for (const d of ['4. 12. 2025', '11. 12. 2025', '18. 12. 2025']) await page.getByRole('link', { name: `${d} 15:30–17:00` }).waitFor();

      await generate.getByRole('button', { name: 'Vytvořit setkání' }).click();
      await page.getByText('3 setkání už existovala.').waitFor();

      await page.getByLabel('Měsíc prezenční listiny').fill('2025-12');
      const href = await page.getByRole('link', { name: 'Měsíční prezenční listina (PDF)' }).getAttribute('href');
      const res = await page.request.get(`${baseUrl}${href}`);
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['content-type'], 'application/pdf');

      await page.getByRole('link', { name: '4. 12. 2025 15:30–17:00' }).click();
      await page.getByRole('region', { name: 'Docházka' }).getByRole('group', { name: 'Adéla Áčková' }).waitFor();
      await page.getByRole('link', { name: 'Skupina, do které setkání patří' }).click();
      await heading(page, 'Čtvrteční klub E2E').waitFor();
      assert.ok((await scroll()) <= 390, 'sideways scroll on the group page');
    },
    { viewport: { width: 390, height: 844 }, hasTouch: true },
  );
});
