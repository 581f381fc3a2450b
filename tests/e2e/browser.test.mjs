// Browser end-to-end test: playwright-core drives Debian's Chromium against the app on 127.0.0.1.
// Checks: first frame drawn and not blank, no console errors, a click moves the clock, typing into a
// field works (desktop keyboard and phone on-screen keyboard), the canvas follows the window.
// Usage: node browser.test.mjs BUILD_WEB_APP_DIR
import fs from 'node:fs';
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
// Clicks an anchor until `pred` holds, reading the anchor again before each try: a new screen may
// still move during its first frames (ImGui sizes tables and tab bars over two frames).
async function clickUntil(page, anchor, pred, what, tries = 3) {
  let d = await debug(page);
  for (let i = 0; i < tries && !pred(d); i++) {
    if (d.anchors[anchor]) await click(page, d.anchors[anchor]);
    d = await waitFor(page, pred, what, 2500).catch(() => debug(page));
  }
  return d;
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
// Scrolls the window under the mouse until an anchor is fully shown (an anchor is clipped to its
// window: scrolled off, it is empty); returns the debug state.
async function scrollTo(page, anchor, tries = 30) {
  const view = page.viewportSize();
  let d = await debug(page);
  for (let i = 0; i < tries; i++) {
    const a = d.anchors[anchor];
    const shown = a && a[3] - a[1] > 4 && a[1] >= 0 && a[3] <= view.height;
    if (shown && i > 0) return d;
    if (shown) {  // shown at once: let the layout settle for a frame and check again
      await page.waitForTimeout(60);
      d = await debug(page);
      continue;
    }
    // Over the anchor's column near the bottom of the page: inside the window that scrolls to it.
    await page.mouse.move(a ? a[0] + 10 : view.width / 2, view.height * 0.9);
    await page.mouse.wheel(0, !a || a[1] >= view.height * 0.5 ? 200 : -200);
    await page.waitForTimeout(120);
    d = await debug(page);
  }
  return d;
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
  // Case management: sign in as a case worker, open a case from the list, see its workflow bar and forms.
  {
    const { context, page, errors } = await open({ width: 1280, height: 800 });
    let d = await debug(page);
    await click(page, d.anchors['picker.start.0']);
    d = await waitFor(page, (x) => x.has_session, 'the scenario to start');
    await page.waitForTimeout(100);
    // A day of the timeline: the SMS report of the scenario identifies a case at the SLPFEF.
    d = await debug(page);
    await click(page, d.anchors['clock.plus1d']);
    d = await waitFor(page, (x) => x.cases.total > 0, 'a case to be identified', 5000).catch(() => debug(page));
    check('cases: the SMS report of the timeline identifies a case', d.cases.total > 0, `${d.cases.total} cases`);
    await click(page, d.anchors['tab.cases']);
    d = await waitFor(page, (x) => !!x.anchors['cases.user'], 'the case workspace', 3000).catch(() => debug(page));
    check('cases: the « Gestion de cas » tab opens the workspace', !!d.anchors['cases.user']);
    await click(page, d.anchors['cases.user']);
    await waitFor(page, (x) => !!x.anchors['cases.user.fkansaye'], 'the sign-in list', 3000).catch(() => debug(page));
    await page.waitForTimeout(150);  // a popup is placed on its second frame: read its items after that
    d = await debug(page);
    await click(page, d.anchors['cases.user.fkansaye']);
    d = await waitFor(page, (x) => x.cases.user === 'fkansaye', 'signed in as fkansaye', 3000).catch(() => debug(page));
    check('cases: signing in as fkansaye', d.cases.user === 'fkansaye', d.cases.user);
    d = await waitFor(page, (x) => x.cases.listed > 0 && !!x.anchors['cases.row.0'], 'the case list', 3000).catch(() => debug(page));
    check('cases: fkansaye sees the case of her structure in the list', d.cases.listed > 0, `${d.cases.listed} listed`);
    await page.screenshot({ path: path.join(outDir, 'cases-list.png') });
    await click(page, d.anchors['cases.row.0']);
    d = await waitFor(page, (x) => x.cases.open_case !== '' && !!x.anchors['case.stage.new'], 'the case record', 3000).catch(() => debug(page));
    check('cases: clicking a row opens the case record', d.cases.open_case.startsWith('CAS-'), d.cases.open_case);
    const bar = ['new', 'assessment', 'case_plan', 'service_implementation', 'follow_up', 'closure'].every((st) => !!d.anchors['case.stage.' + st]);
    check('cases: the record shows the six-step workflow bar', bar, d.cases.stage);
    check('cases: an identified case is at the step « Nouveau »', d.cases.stage === 'new', d.cases.stage);
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(outDir, 'case-record.png') });
    // Opening the case moves it to the assessment step.
    await click(page, d.anchors['case.open']);
    d = await waitFor(page, (x) => x.cases.stage === 'assessment', 'the case to open', 3000).catch(() => debug(page));
    check('cases: « Ouvrir le cas » moves the workflow to « Évaluation »', d.cases.stage === 'assessment', d.cases.stage + ' ' + d.cases.error);
    await page.waitForTimeout(150);  // the record's layout settles once the case is open
    d = await debug(page);
    await click(page, d.anchors['case.form.1A']);
    d = await waitFor(page, (x) => x.cases.open_form === '1A', 'the consent form', 3000).catch(() => debug(page));
    check('cases: the consent form 1.A opens for filling', d.cases.open_form === '1A');
    await page.waitForTimeout(100);
    d = await debug(page);
    await click(page, d.anchors['form.save']);
    d = await waitFor(page, (x) => x.cases.error !== '', 'the validation messages', 3000).catch(() => debug(page));
    check('cases: saving an empty form is stopped with French messages', /corriger/.test(d.cases.error), d.cases.error);
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(outDir, 'case-form.png') });
    // The consent form's signature: drawn on the pad with the mouse, saved as an SVG attachment of the
    // case, and the field then names that attachment.
    d = await scrollTo(page, 'form.sign_pad.consent_signature');
    const pad = d.anchors['form.sign_pad.consent_signature'];
    check('cases: the signature field shows a pad', !!pad);
    if (pad) {
      const at = (fx, fy) => [pad[0] + (pad[2] - pad[0]) * fx, pad[1] + (pad[3] - pad[1]) * fy];
      await page.mouse.move(...at(0.15, 0.6));
      await page.mouse.down();
      await page.waitForTimeout(60);
      for (let i = 1; i <= 8; i++) {
        await page.mouse.move(...at(0.15 + 0.08 * i, i % 2 ? 0.35 : 0.65), { steps: 3 });
        await page.waitForTimeout(40);
      }
      await page.mouse.up();
      await page.waitForTimeout(60);
      await page.screenshot({ path: path.join(outDir, 'case-signature.png') });
      d = await scrollTo(page, 'form.sign_save.consent_signature');
      await click(page, d.anchors['form.sign_save.consent_signature']);
      d = await waitFor(page, (x) => /^ATT-/.test(x.cases.draft.consent_signature || ''), 'the signature stored', 5000).catch(() => debug(page));
      const sig = d.cases.attachments.find((a) => a.id === d.cases.draft.consent_signature);
      check('cases: a drawn signature becomes an SVG attachment of the case, named by the field',
        !!sig && sig.mime === 'image/svg+xml' && sig.size > 100, JSON.stringify(d.cases.attachments) + ' ' + d.cases.draft.consent_signature);
    }
    check('cases: no console errors', errors.length === 0, errors.join(' | '));
    await context.close();
  }
  // Monthly reporting: the 2024 Mopti scenario, the dashboard's chart and completeness grid, a cell's
  // submission with its validation status, and the submissions CSV downloaded with its BOM.
  {
    const { context, page, errors } = await open({ width: 1280, height: 1000 }, { acceptDownloads: true });
    let d = await debug(page);
    const card = d.builtins.indexOf('remontee-mensuelle-2024-mopti.json');
    check('reporting: the 2024 Mopti scenario is built in', card >= 0, JSON.stringify(d.builtins));
    await click(page, d.anchors['picker.card.' + card]);
    d = await waitFor(page, (x) => !!x.anchors['picker.start.' + card], 'the scenario card to open', 3000);
    const start = d.anchors['picker.start.' + card];
    check('reporting: the card\'s start button is on screen', start[3] <= 1000, JSON.stringify(start));
    await click(page, start);
    d = await waitFor(page, (x) => x.has_session, 'the reporting scenario to start', 20000);
    check('reporting: the scenario starts with the reports of January–September', d.reporting.submissions === 109,
          `${d.reporting.submissions} submissions`);
    await page.waitForTimeout(100);
    d = await debug(page);
    check('reporting: the trainer sees the « Tableau de bord » tab', !!d.anchors['tab.dashboard']);
    await click(page, d.anchors['tab.dashboard']);
    d = await waitFor(page, (x) => !!x.anchors['dash.chart.months.11'], 'the chart of new cases by month', 3000).catch(() => debug(page));
    check('reporting: the dashboard draws twelve month bars', !!d.anchors['dash.chart.months.0'] && !!d.anchors['dash.chart.months.11']);
    await page.waitForTimeout(100);
    const chart = await page.screenshot({ path: path.join(outDir, 'dashboard.png') });
    check('reporting: the dashboard is drawn', (await colours(page, chart)) > 20);
    d = await clickUntil(page, 'dash.tab.completeness', (x) => x.reporting.missing >= 0 && !!x.anchors['dash.cell.0.1'], 'the completeness grid');
    // 8 gaps in January–September, then October and November of the 13 structures (December not due on 6 January).
    check('reporting: the grid counts 34 missing reports', d.reporting.missing === 34, String(d.reporting.missing));
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(outDir, 'dashboard-grid.png') });
    d = await clickUntil(page, 'dash.cell.0.1', (x) => x.reporting.drill && !!x.anchors['dash.sub.0'], 'the submissions of the cell');
    check('reporting: clicking a grid cell opens its submission', d.reporting.drill && d.reporting.listed === 1, `${d.reporting.listed} listed`);
    d = await clickUntil(page, 'dash.sub.0', (x) => x.reporting.open_submission > 0 && !!x.anchors['sub.set.approved'], 'the submission view');
    check('reporting: the submission view shows its validation controls', !!d.anchors['sub.title'] && !!d.anchors['sub.set.approved']);
    d = await clickUntil(page, 'sub.set.approved', (x) => x.reporting.open_validation === 'approved', 'the validation status');
    check('reporting: « approuvé » sets the validation status by a command', d.reporting.open_validation === 'approved' && d.commands === 1,
          `${d.reporting.open_validation}, ${d.commands} commands`);
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(outDir, 'dashboard-submission.png') });
    d = await clickUntil(page, 'dash.back', (x) => !x.reporting.drill && !!x.anchors['dash.tab.exports'], 'the dashboard again');
    d = await clickUntil(page, 'dash.tab.exports', (x) => !!x.anchors['dash.export.csv'], 'the exports');
    await page.waitForTimeout(100);
    d = await debug(page);
    const download = page.waitForEvent('download', { timeout: 5000 });
    await click(page, d.anchors['dash.export.csv']);
    const file = await (await download).path();
    const csv = fs.readFileSync(file);
    fs.writeFileSync(path.join(outDir, 'submissions.csv'), csv);
    check('reporting: the submissions CSV downloads with a UTF-8 BOM and one line per submission',
          csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf && csv.toString('utf8').trim().split('\r\n').length === 110,
          `${csv.length} bytes, ${csv.toString('utf8').trim().split('\r\n').length} lines`);
    check('reporting: no console errors', errors.length === 0, errors.join(' | '));
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
    check('phone: the case workspace is one of the tabs', !!d.anchors['tab.cases']);
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
    // The first tap may only end the text field's editing; tap again if the tab did not open.
    for (let i = 0; i < 2; i++) {
      d = await debug(page);
      if (d.anchors['cases.user']) break;
      await tap(page, d.anchors['tab.cases']);
      d = await waitFor(page, (x) => !!x.anchors['cases.user'] && !!x.anchors['cases.search'], 'the case workspace on a phone', 2000).catch(() => debug(page));
    }
    check('phone: the case workspace opens with its sign-in switch and search', !!d.anchors['cases.user'] && !!d.anchors['cases.search']);
    const right = d.anchors['cases.user'] ? Math.max(d.anchors['cases.user'][2], d.anchors['cases.search'][2]) : 1e9;
    check('phone: the workspace fits the screen width', right <= 390, `right edge ${right}`);
    await page.screenshot({ path: path.join(outDir, 'phone-cases.png') });
    check('phone: no console errors', errors.length === 0, errors.join(' | '));
    await context.close();
  }
  // Single-player exercise with the trainer view: a hint asked is charged to whoever is signed in, and
  // the trainer view lists every actor's progress.
  {
    const { context, page, errors } = await open({ width: 1280, height: 720 });
    const text = (await import('node:fs')).readFileSync(new URL('../../scenarios/curriculum-rapidprotection.json', import.meta.url), 'utf8');
    check('exercise: the curriculum opens', await page.evaluate((t) => Module.ccall('kalan_web_open', 'number', ['string'], [t]), text) === 1);
    let d = await waitFor(page, (x) => x.has_session && !!x.anchors['tab.exercise'], 'the session');
    for (let i = 0; i < 3 && !d.anchors['exercise.start.rp-jam-complet']; i++) {  // a click may land before the tab bar settles
      await click(page, d.anchors['tab.exercise']);
      d = await waitFor(page, (x) => !!x.anchors['exercise.start.rp-jam-complet'], 'the exercise list', 2000).catch(() => debug(page));
    }
    check('exercise: the tab lists the exercises', !!d.anchors['exercise.start.rp-jam-complet'], Object.keys(d.anchors).join(' '));
    await click(page, d.anchors['exercise.start.rp-jam-complet']);
    d = await waitFor(page, (x) => !!x.exercise && !!x.anchors['exercise.hint.0'], 'the exercise');
    check('exercise: started with nobody\'s progress yet', d.exercise.id === 'rp-jam-complet' && d.exercise.hints === 0 &&
          d.exercise.actors.map((a) => a.actor).join() === 'sdicko', JSON.stringify(d.exercise.actors));
    await click(page, d.anchors['exercise.hint.0']);
    d = await waitFor(page, (x) => x.exercise.hints === 1, 'the hint');
    const trainer = d.exercise.actors.find((a) => a.actor === 'trainer');
    check('exercise: the hint asked goes through the log and is charged to the trainer', d.commands === 1 &&
          trainer && trainer.hints === 1 && trainer.score === -1 && d.exercise.score === -1, JSON.stringify(d.exercise));
    await click(page, d.anchors['exercise.trainer_view']);
    d = await waitFor(page, (x) => !!x.anchors['exercise.trainer_view'], 'the trainer view');
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(outDir, 'exercise-trainer-view.png') });
    check('exercise: no console errors', errors.length === 0, errors.join(' | '));
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
