// Browser end-to-end test: playwright-core drives Debian's Chromium against the app on 127.0.0.1.
// Checks: first frame drawn and not blank, no console errors, a click moves the clock, typing into a
// field works (desktop keyboard and phone on-screen keyboard), the canvas follows the window.
// Usage: node browser.test.mjs BUILD_WEB_APP_DIR
import path from 'node:path';
import { launch, outDir as outDirOf, debug, centre } from './chromium.mjs';

const appDir = path.resolve(process.argv[2] || 'build/web/app');
const { serve } = await import(new URL('../../scripts/static-server.mjs', import.meta.url));

let passed = 0, failed = 0;
function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`ok: ${name}${detail ? ' — ' + detail : ''}`); }
  else { failed++; console.log(`FAIL: ${name}${detail ? ' — ' + detail : ''}`); }
}

const server = await serve(appDir, 0, '127.0.0.1');
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await launch();
const outDir = outDirOf();
// Clicks and key presses that last a few frames, as a person's do (ImGui 1.86 reads input state per frame).
async function click(page, rect) {
  const [x, y] = centre(rect);
  await page.mouse.move(x, y);
  await page.waitForTimeout(50);
  await page.mouse.down();
  await page.waitForTimeout(60);
  await page.mouse.up();
  await page.waitForTimeout(30);
}
// A finger that stays on the screen for a few frames (Playwright's tap() lifts it at once).
async function tap(page, rect) {
  const [x, y] = centre(rect);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await page.waitForTimeout(80);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.waitForTimeout(30);
}
async function press(page, key) {
  await page.keyboard.down(key);
  await page.waitForTimeout(60);
  await page.keyboard.up(key);
}
async function waitFor(page, pred, what, ms = 5000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    const d = await debug(page);
    if (pred(d)) return d;
    await page.waitForTimeout(50);
  }
  throw new Error('timed out waiting for ' + what);
}
// Counts distinct colours of a screenshot inside the page, so no image library is needed.
async function colours(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  }, png.toString('base64'));
}

async function open(viewport, extra = {}) {
  const context = await browser.newContext({ viewport, ...extra });
  const page = await context.newPage();
  const errors = [];
  // The app asks /api/info whether `kalan serve` serves it (room mode); a static server answers 404.
  page.on('console', (m) => {
    if (m.type() === 'error' && !(m.location().url || '').endsWith('/api/info')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base);
  await page.waitForFunction(() => window.kalanFirstFrameAt !== undefined, null, { timeout: 15000 });
  return { context, page, errors };
}

try {
  // Laptop.
  {
    const { context, page, errors } = await open({ width: 1280, height: 720 });
    const firstFrame = await page.evaluate(() => window.kalanFirstFrameAt);
    console.log(`info: first frame ${firstFrame.toFixed(0)} ms after navigation`);
    await page.waitForTimeout(300);
    const shot1 = await page.screenshot({ path: path.join(outDir, 'picker.png') });
    const n1 = await colours(page, shot1);
    check('first frame is drawn and not blank', n1 > 20, `${n1} colours`);

    let d = await debug(page);
    check('French by default', d.language === 'fr');
    check('display fills the window', d.display[0] === 1280 && d.display[1] === 720, JSON.stringify(d.display));
    check('the picker shows a start button', !!d.anchors['picker.start.0']);
    await click(page, d.anchors['picker.start.0']);
    d = await waitFor(page, (x) => x.has_session, 'the scenario to start');
    check('clicking Démarrer starts the default scenario', d.title.startsWith('Atelier Mopti'), d.title);
    const before = d.now;
    await page.waitForTimeout(100);
    d = await debug(page);
    await click(page, d.anchors['clock.plus1h']);
    d = await waitFor(page, (x) => x.now !== before, 'the clock to move');
    check('clicking +1 h advances the clock by one hour', before === '2024-03-04T08:00:00Z' && d.now === '2024-03-04T09:00:00Z', `${before} → ${d.now}`);
    await page.waitForTimeout(100);
    const shot2 = await page.screenshot({ path: path.join(outDir, 'after-click.png') });
    check('the screen changed after the click', !shot1.equals(shot2));

    // The phone simulator: the first phone is a registered reporter; "Jam" gets the report prompt.
    d = await debug(page);
    check('the phone simulator is shown first', !!d.anchors['phone.input']);
    const smsBefore = d.sms;
    await click(page, d.anchors['phone.input']);
    await page.waitForTimeout(100);
    await page.keyboard.type('Jam');
    await press(page, 'Enter');
    d = await waitFor(page, (x) => x.sms >= smsBefore + 2, 'the reply to Jam', 3000).catch(() => debug(page));
    check('sending « Jam » from the phone gets the RapidProtection prompt', d.last_sms.startsWith('Signalement Violence - Vulnérabilité'),
          JSON.stringify(d.last_sms));
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(outDir, 'phone-jam.png') });

    d = await debug(page);
    await click(page, d.anchors['tab.world']);
    d = await waitFor(page, (x) => !!x.anchors['world.search'], 'the directory tab', 3000).catch(() => debug(page));
    if (!d.anchors['world.search']) {
      await page.screenshot({ path: path.join(outDir, 'no-directory.png') });
      console.log('debug: ' + JSON.stringify(d.anchors));
    }
    await click(page, d.anchors['world.search']);
    await page.waitForTimeout(100);
    await page.keyboard.type('Benkadi');
    d = await waitFor(page, (x) => x.world_search === 'Benkadi', 'typed text', 3000).catch(() => debug(page));
    check('typing with a keyboard fills the search field', d.world_search === 'Benkadi', JSON.stringify(d.world_search));
    await press(page, 'Backspace');
    d = await waitFor(page, (x) => x.world_search === 'Benkad', 'backspace', 3000).catch(() => debug(page));
    check('Backspace deletes one character (no double input)', d.world_search === 'Benkad', JSON.stringify(d.world_search));

    await click(page, d.anchors['app.language']);
    d = await waitFor(page, (x) => x.language === 'en', 'English', 3000).catch(() => debug(page));
    check('the language switch turns the UI to English', d.language === 'en');

    await page.setViewportSize({ width: 900, height: 600 });
    d = await waitFor(page, (x) => x.display[0] === 900 && x.display[1] === 600, 'resize', 3000).catch(() => debug(page));
    check('the canvas follows a resize', d.display[0] === 900 && d.display[1] === 600, JSON.stringify(d.display));
    const heap = await page.evaluate(() => Module.HEAP8.length);
    console.log(`info: wasm heap ${(heap / 1048576).toFixed(1)} MiB`);
    check('no console errors', errors.length === 0, errors.join(' | '));
    await context.close();
  }
  // Phone.
  {
    const { context, page, errors } = await open({ width: 390, height: 844 },
      { deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    let d = await debug(page);
    check('phone: display is the phone viewport', d.display[0] === 390 && d.display[1] === 844, JSON.stringify(d.display));
    await tap(page, d.anchors['picker.start.0']);
    d = await waitFor(page, (x) => x.has_session, 'the scenario to start on a phone');
    await page.waitForTimeout(100);
    d = await debug(page);
    check('phone: narrow layout uses tabs', !!d.anchors['tab.world']);
    await tap(page, d.anchors['tab.world']);
    d = await waitFor(page, (x) => !!x.anchors['world.search'], 'the directory tab', 3000).catch(() => debug(page));
    check('phone: the directory tab opens', !!d.anchors['world.search']);
    await tap(page, d.anchors['world.search']);
    await page.waitForTimeout(200);
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    check('phone: focusing a text field focuses the hidden input (on-screen keyboard opens)', focused === 'kbd', String(focused));
    // What an on-screen keyboard sends: input events, no keypress.
    await page.evaluate(() => {
      const k = document.getElementById('kbd');
      k.value = 'Sio';
      k.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: 'Sio' }));
    });
    d = await waitFor(page, (x) => x.world_search === 'Sio', 'on-screen keyboard text', 3000).catch(() => debug(page));
    check('phone: on-screen keyboard text reaches the field', d.world_search === 'Sio', JSON.stringify(d.world_search));
    await page.evaluate(() => {
      const k = document.getElementById('kbd');
      k.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward' }));
    });
    d = await waitFor(page, (x) => x.world_search === 'Si', 'on-screen backspace', 3000).catch(() => debug(page));
    check('phone: on-screen backspace deletes', d.world_search === 'Si', JSON.stringify(d.world_search));
    const shot = await page.screenshot({ path: path.join(outDir, 'phone.png') });
    check('phone: screen is drawn', (await colours(page, shot)) > 20);
    check('phone: no console errors', errors.length === 0, errors.join(' | '));
    await context.close();
  }
} catch (e) {
  failed++;
  console.log('FAIL: ' + (e && e.stack || e));
} finally {
  await browser.close();
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
