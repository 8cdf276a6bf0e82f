import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const url = 'http://localhost:4348/zh-cn/inception-to-xception/';
const which = process.argv[2] ?? 'all';
for (const [w, name, vh] of [[1280, 'desk', 1600], [390, 'phone', 1400]]) {
  for (const theme of ['light', 'dark']) {
    if (which !== 'all' && which !== `${name}-${theme}`) continue;
    const page = await browser.newPage({ viewport: { width: w, height: vh }, deviceScaleFactor: 1 });
    await page.addInitScript((t) => { localStorage.setItem('starlight-theme', t); }, theme);
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 0; y < h; y += vh - 100, i++) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      await page.waitForTimeout(250);
      await page.screenshot({ path: `/tmp/zhd-cut-${name}-${theme}-${String(i).padStart(2, '0')}.png` });
    }
    console.log(name, theme, h);
    await page.close();
  }
}
await browser.close();
