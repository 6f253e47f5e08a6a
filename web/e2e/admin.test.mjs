// The administrator's pages against the real server: users and the audit log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, eventually, fieldError, heading, logIn, withPage } from './support.mjs';

test('admin creates a user: short password, server field error, success, duplicate', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'admin');
    await heading(page, 'Dnes').waitFor();
    await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Správa' }).click();
    await page.getByRole('link', { name: 'Uživatelé' }).click();
    await heading(page, 'Uživatelé').waitFor();
    await page.getByRole('rowheader', { name: 'terenni2' }).waitFor();
    await page.getByRole('link', { name: 'Nový uživatel' }).click();
    await heading(page, 'Nový uživatel').waitFor();

    const username = page.getByLabel(/^Uživatelské jméno/);
    const password = page.getByLabel(/^Heslo/);
    await username.fill('e2e.novakova');
    await password.fill('kratke');
    await page.getByLabel(/^Role/).selectOption('worker');
    await page.getByLabel(/^Tým/).selectOption('Střed');
    await page.getByRole('button', { name: 'Vytvořit uživatele' }).click();
    assert.equal(await eventually(() => fieldError(password), 'password error'), 'Chyba: Heslo musí mít alespoň 12 znaků.');

    // Long enough for the form, refused by the server: its 422 lands at the password field.
    await password.fill('password1234');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Vytvořit uživatele' }).click();
    const refused = await answer;
    assert.equal(refused.status(), 422);
    const serverField = (await refused.json()).error.fields.find((f) => f.field === 'password');
    assert.ok(serverField, 'the server names the password field');
    assert.equal(await eventually(() => fieldError(password), 'server password error'), `Chyba: ${serverField.message}`);
    assert.equal(await username.inputValue(), 'e2e.novakova');

    await password.fill('Zimni-vecery-u-Svratky');
    await page.getByRole('button', { name: 'Vytvořit uživatele' }).click();
    await page.getByText('Uživatel e2e.novakova byl vytvořen.').waitFor();
    const row = page.getByRole('row', { name: /e2e\.novakova/ });
    await row.waitFor();
    const rowText = await row.textContent();
    assert.match(rowText, /Terénní pracovník/);
    assert.match(rowText, /Střed/);
    assert.match(rowText, /Aktivní/);

    // The same name again: a clear 409.
    await page.getByRole('link', { name: 'Nový uživatel' }).click();
    await username.fill('e2e.novakova');
    await password.fill('Jine-dlouhe-heslo-2026');
    await page.getByLabel(/^Role/).selectOption('analyst');
    await page.getByRole('button', { name: 'Vytvořit uživatele' }).click();
    await page.getByRole('alert').getByText('Uživatel s tímto jménem už existuje').waitFor();
  });
});

test('admin edits a user and the audit log shows it', async (t) => {
  await withPage(t, async (page) => {
    await logIn(page, 'admin');
    await heading(page, 'Dnes').waitFor();
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByRole('link', { name: 'Upravit analytik' }).click();
    await heading(page, 'Uživatel analytik').waitFor();
    assert.equal(await page.getByLabel('Role').inputValue(), 'analyst');
    await page.getByLabel('Tým').selectOption('Sever');
    await page.getByRole('button', { name: 'Uložit změny' }).click();
    await page.getByText('Změny byly uloženy.').waitFor();

    await page.goto(`${baseUrl}/admin/audit`);
    await heading(page, 'Auditní záznam').waitFor();
    await page.getByLabel('Druh záznamu').fill('user');
    await page.getByLabel('Uživatel', { exact: true }).fill('admin');
    await page.getByRole('button', { name: 'Filtrovat' }).click();
    await eventually(() => page.url().includes('entity=user'), 'filters in the address');
    const table = page.getByRole('table', { name: 'Záznamy auditu' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await eventually(async () => (await rows.count()) > 0, 'audit rows');
    const first = await rows.first().textContent();
    assert.match(first, /\d{1,2}\. \d{1,2}\. \d{4} \d{2}:\d{2}/, 'Czech date and 24-hour time');
    assert.match(first, /admin/);
    assert.match(first, /user/);
  });
});
