import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto('http://127.0.0.1:8080/');
await p.fill('input[name=username], #username', 'koordinator');
await p.fill('input[type=password]', 'Demo-heslo-2026');
await p.keyboard.press('Enter');
await p.waitForTimeout(1500);
for (const [name, path] of [['analytics', '/analytics'], ['sim', '/analytics/simulator'], ['dash', '/reports'], ['families', '/families']]) {
  await p.goto('http://127.0.0.1:8080' + path);
  await p.waitForTimeout(2500);
  await p.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
}
await b.close();
