// Stored XSS, in the browser (issue 8's attack suite): script payloads saved through the API in family and person
// names, a contact summary, an observation and an incident description are shown on the pages that display them
// and in the printable HTML outputs (GDPR export, impact summary with a consented quote). No script may run (window.__xss stays
// undefined, no dialog opens) and the text must appear literally.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiOk, patient } from './api.mjs';
import { baseUrl, heading, logIn, withPage } from './support.mjs';

const stamp = Date.now().toString(36);
const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
];

/** Fails the test when the page ran a payload (a dialog opened, or window.__xss was set). */
function watch(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => undefined);
  });
  return {
    async assertInert(where) {
      // Give onerror/onload handlers a chance to fire before looking.
      await page.waitForTimeout(300);
      const xss = await page.evaluate(() => window.__xss);
      assert.equal(xss, undefined, `a payload ran on ${where}`);
      assert.deepEqual(dialogs, [], `a dialog opened on ${where}`);
      const injected = await page.evaluate(
        () => document.querySelectorAll('img[src="x"], svg[onload], script:not([src]):not([type])').length,
      );
      assert.equal(injected, 0, `payload elements were created on ${where}`);
    },
  };
}

/** Everything a test needs, made through the API as a coordinator. */
async function seed(page) {
  const [p1, p2, p3] = PAYLOADS;
  const family = await apiOk(page, 'POST', '/families', {
    name: `${p1} ${stamp}`,
    team: 'Sever',
    address: { street: p3, house_number: '1', district: 'brno-sever', postal_code: '602 00' },
  });
  const child = await apiOk(page, 'POST', '/people', {
    family_id: family.id,
    role: 'child',
    given_names: p2,
    surname: `${p3} ${stamp}`,
    birth_date: '2019-02-03',
    gender: 'not_stated',
    confirm_not_duplicate: true,
  });
  await apiOk(page, 'POST', `/families/${family.id}/contacts`, {
    date: '2025-03-01',
    type: 'phone',
    summary: `Kontakt ${p1} ${p2} ${p3}`,
    person_ids: [child.id],
  });
  const observation = await apiOk(page, 'POST', '/observations', {
    date: '2025-03-06',
    text: `Postřeh ${p1} ${p3}`,
    person_ids: [child.id],
    tags: ['implementation'],
  });
  // A quote published with the speaker's consent reaches the impact summary.
  const mother = await apiOk(page, 'POST', '/people', {
    family_id: family.id,
    role: 'adult',
    given_names: 'Jana',
    surname: `Citovaná ${stamp}`,
    birth_date: '1991-05-06',
    gender: 'female',
    confirm_not_duplicate: true,
  });
  await apiOk(page, 'POST', `/people/${mother.id}/consents`, {
    purpose: 'publication',
    given_by: 'self',
    given_on: '2025-03-01',
    form: 'signed_paper',
  });
  await apiOk(page, 'POST', '/observations', {
    date: '2025-03-07',
    text: `Citát ${p1} ${p2} ${p3}`,
    person_ids: [mother.id],
    is_quote: true,
    speaker_role: 'parent',
    speaker_person_id: mother.id,
    publishable: true,
  });
  const schools = await apiOk(page, 'GET', '/schools?limit=1');
  const incident = await apiOk(page, 'POST', '/incidents', {
    occurred_on: '2026-01-15',
    type: 'discouraged_from_enrolling',
    school_id: schools.items[0].id,
    person_ids: [child.id],
    description: `Popis ${p1} ${p2} ${p3}`,
  });
  return { family, child, observation, incident };
}

test('stored script payloads stay inert text on every page that shows them', async (t) => {
  await withPage(t, async (page) => {
    patient(page);
    const guard = watch(page);
    await logIn(page, 'koordinator');
    await heading(page, 'Dnes').waitFor();
    const { family, child, incident } = await seed(page);

    // The family: its name in the heading, the street, the contact on the timeline.
    await page.goto(`${baseUrl}/families/${family.id}`);
    await heading(page, `Rodina ${PAYLOADS[0]} ${stamp}`).waitFor();
    await page.getByText(`Kontakt ${PAYLOADS.join(' ')}`, { exact: false }).first().waitFor();
    await guard.assertInert('the family page');

    // The family list, searched by the stamp.
    await page.goto(`${baseUrl}/families?q=${stamp}`);
    await page.getByRole('link', { name: `${PAYLOADS[0]} ${stamp}` }).first().waitFor();
    await guard.assertInert('the family list');

    // The person.
    await page.goto(`${baseUrl}/people/${child.id}`);
    await page.getByText(PAYLOADS[1], { exact: false }).first().waitFor();
    await guard.assertInert('the person page');

    // The observation on the activities overview.
    await page.goto(`${baseUrl}/activities`);
    await page.getByText(`Postřeh ${PAYLOADS[0]} ${PAYLOADS[2]}`, { exact: false }).first().waitFor();
    await guard.assertInert('the activities overview');

    // The incident.
    await page.goto(`${baseUrl}/incidents/${incident.id}`);
    await page.getByText(`Popis ${PAYLOADS.join(' ')}`, { exact: false }).first().waitFor();
    await guard.assertInert('the incident page');
    await page.goto(`${baseUrl}/incidents`);
    await guard.assertInert('the incident list');
  });
});

test('the printable HTML outputs (GDPR export, impact summary) escape stored payloads', async (t) => {
  await withPage(t, async (page) => {
    patient(page);
    const guard = watch(page);
    await logIn(page, 'koordinator');
    await heading(page, 'Dnes').waitFor();
    const { child } = await seed(page);

    const exportUrl = `${baseUrl}/api/v1/people/${child.id}/export.html`;
    const response = await page.goto(exportUrl);
    assert.equal(response.status(), 200);
    const html = await response.text();
    for (const p of PAYLOADS) {
      assert.ok(!html.includes(p), `the GDPR export holds ${p} unescaped`);
    }
    assert.ok(html.includes('&lt;script&gt;window.__xss=1&lt;/script&gt;'), 'the GDPR export shows the name escaped');
    await page.getByText(PAYLOADS[1], { exact: false }).first().waitFor();
    await guard.assertInert('the GDPR export');

    const summary = await page.goto(`${baseUrl}/api/v1/impact-summary.html?from=2025-01-01&to=2025-12-31`);
    assert.equal(summary.status(), 200);
    const sumHtml = await summary.text();
    for (const p of PAYLOADS) assert.ok(!sumHtml.includes(p), `the impact summary holds ${p} unescaped`);
    assert.ok(sumHtml.includes('Citát &lt;img src=x onerror=window.__xss=1&gt;'), 'the quote is in the impact summary, escaped');
    await guard.assertInert('the impact summary');
  });
});
