// Browser figures for the budgets: first frame after navigation (median of runs) and wasm heap size
// after starting the default scenario and playing its whole timeline. Prints "name value" lines.
// Usage: node bench/web_metrics.mjs build/web/app
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { serve } = await import(new URL('../scripts/static-server.mjs', import.meta.url));

const server = await serve(process.argv[2] || 'build/web/app', 0, '127.0.0.1');
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
async function click(page, x, y) {
  await page.mouse.move(x, y);
  await page.waitForTimeout(40);
  await page.mouse.down();
  await page.waitForTimeout(60);
  await page.mouse.up();
}
const times = [];
let heap = 0, heapStart = 0;
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => window.kalanFirstFrameAt !== undefined, null, { timeout: 15000 });
  times.push(await page.evaluate(() => window.kalanFirstFrameAt));
  if (i === 0) {
    heapStart = await page.evaluate(() => Module.HEAP8.length);
    const d = await page.evaluate(() => window.kalanDebug());
    const r = d.anchors['picker.start.0'];
    await click(page, (r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
    await page.waitForTimeout(200);
    // Play the whole timeline with the "next event" button, then a month of clock steps.
    for (let k = 0; k < 12; k++) {
      const a = (await page.evaluate(() => window.kalanDebug())).anchors['clock.next'];
      await click(page, (a[0] + a[2]) / 2, (a[1] + a[3]) / 2);
      await page.waitForTimeout(60);
    }
    heap = await page.evaluate(() => Module.HEAP8.length);
  }
  await context.close();
}
times.sort((a, b) => a - b);
console.log(`first_frame_ms_median ${times[2].toFixed(0)} (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`wasm_heap_mib_at_start ${(heapStart / 1048576).toFixed(1)}`);
console.log(`wasm_heap_mib_after_timeline ${(heap / 1048576).toFixed(1)}`);
await browser.close();
server.close();
