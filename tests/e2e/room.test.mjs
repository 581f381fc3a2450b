// Room mode end to end, over real loopback HTTP: `kalan serve` on a free port with a temporary data
// folder, headless Chromium pages joined as a case worker and a supervisor (and the trainer console).
// Checks: joining replays the log, a worker's command reaches the supervisor's page with equal
// state hashes, a refusal is shown where the worker acted, commands made offline (one whose answer
// was lost on the way back, one never sent) are queued, resent with their keys and applied once.
// Usage: node room.test.mjs KALAN_BINARY BUILD_WEB_APP_DIR
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { launch, outDir as outDirOf, debug, centre } from './chromium.mjs';

const kalan = path.resolve(process.argv[2] || 'build/native/kalan');
const appDir = path.resolve(process.argv[3] || 'build/web/app');

let passed = 0, failed = 0;
function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`ok: ${name}${detail ? ' — ' + detail : ''}`); }
  else { failed++; console.log(`FAIL: ${name}${detail ? ' — ' + detail : ''}`); }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// The server.
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kalan-room-e2e-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(kalan, ['serve', '--port', String(port), '--data', data, '--web', appDir],
                     { stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (b) => { serverLog += b; });
server.stderr.on('data', (b) => { serverLog += b; });
for (let i = 0; ; ++i) {
  try { if ((await fetch(base + '/api/info')).ok) break; } catch {}
  if (i > 100) { console.log('FAIL: the server did not start\n' + serverLog); process.exit(1); }
  await sleep(100);
}
const trainer = fs.readFileSync(path.join(data, 'trainer.token'), 'utf8').trim();
async function api(method, p, body) {
  const r = await fetch(base + p, { method, headers: { Authorization: 'Bearer ' + trainer, 'Content-Type': 'application/json' },
                                    body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, json: await r.json().catch(() => null) };
}
const created = await api('POST', '/api/rooms', { scenario: 'mopti-atelier' });
const code = created.json.code;
check('the trainer creates a room', created.status === 201 && /^[A-Z0-9]{6}$/.test(code), code);
// The room as the server sees it, once its last command has a hash checkpoint.
async function serverRoom(minSeq) {
  for (let i = 0; i < 100; ++i) {
    const r = (await api('GET', `/api/rooms/${code}`)).json;
    if (r.seq >= minSeq && r.hash_seq === r.seq) return r;
    await sleep(20);
  }
  return (await api('GET', `/api/rooms/${code}`)).json;
}

const browser = await launch();
const outDir = outDirOf();
// Clicks and key presses held for at least two frames, as a person's are (ImGui reads input state per
// frame; three pages drawn by a software renderer on a busy machine can take 100 ms a frame).
const frames = (page) => page.evaluate(() => Module._kalan_frames());
async function frameWait(page, n = 2) {
  const f0 = await frames(page);
  while ((await frames(page)) < f0 + n) await page.waitForTimeout(10);
}
async function click(page, rect) {
  const [x, y] = centre(rect);
  await page.mouse.move(x, y);
  await frameWait(page);
  await page.mouse.down();
  await frameWait(page);
  await page.mouse.up();
  await frameWait(page);
}
async function press(page, key) {
  await page.keyboard.down(key);
  await frameWait(page);
  await page.keyboard.up(key);
  await frameWait(page);
}
async function waitFor(page, pred, what, ms = 20000) {
  const t0 = Date.now();
  let d;
  while (Date.now() - t0 < ms) {
    d = await debug(page);
    if (pred(d)) return d;
    await page.waitForTimeout(20);
  }
  throw new Error('timed out waiting for ' + what + ': ' + JSON.stringify(d && d.room));
}
async function open(query, errors) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 720 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/?${query}`);
  await page.waitForFunction(() => window.kalanFirstFrameAt !== undefined, null, { timeout: 20000 });
  let d = await waitFor(page, (x) => x.room.phase === 'join' && !!x.anchors['room.join'], 'the join screen');
  const t0 = Date.now();
  await click(page, d.anchors['room.join']);
  d = await waitFor(page, (x) => x.room.phase === 'live' && x.has_session && x.room.online, 'the room to load');
  console.log(`info: join → room loaded and replayed (seq ${d.room.seq}) in ${Date.now() - t0} ms, click included`);
  return { context, page, d };
}
// Types a text into the phone simulator's field and sends it with Enter.
async function sendSms(page, text) {
  const d = await debug(page);
  await click(page, d.anchors['phone.input']);
  await page.keyboard.type(text);
  await press(page, 'Enter');
}

const errors = [];
try {
  const worker = await open(`room=${code}&name=Fatoumata&role=case_worker`, errors);
  const supervisor = await open(`room=${code}&name=Moussa&role=supervisor`, errors);
  const w = worker.page, s = supervisor.page;
  check('the worker joins as fkansaye', worker.d.room.user === 'fkansaye', worker.d.room.user);
  check('the supervisor joins as mtembely', supervisor.d.room.user === 'mtembely', supervisor.d.room.user);
  check('the worker sees their own phone first', worker.d.phone === 'tel:+22370000101', worker.d.phone);
  const r0 = await serverRoom(0);
  check('both pages start with the server\'s hash', worker.d.hash === r0.hash && supervisor.d.hash === r0.hash,
        `${worker.d.hash} ${supervisor.d.hash} ${r0.hash}`);

  // 1. A worker's command reaches the supervisor's page.
  await sendSms(w, 'Bonjour');
  let ds = await waitFor(s, (x) => x.room.seq === 1, 'the command on the supervisor page');
  let dw = await waitFor(w, (x) => x.room.seq === 1 && x.room.pending.length === 0, 'the worker page to apply it');
  const r1 = await serverRoom(1);
  const texts = async () => (await api('GET', `/api/rooms/${code}/commands?after=0`)).json.commands.map((c) => c.command.text);
  check('the worker\'s SMS is in the room\'s log, from the worker', JSON.stringify(await texts()) === '["Bonjour"]');
  check('equal state hashes on both pages and the server after it', dw.hash === ds.hash && ds.hash === r1.hash,
        `${dw.hash} ${ds.hash} ${r1.hash}`);
  check('both pages show the same SMS log', dw.sms === ds.sms && ds.sms >= 2, `${dw.sms} ${ds.sms}`);
  const latency = ds.room.applied_at - dw.room.sent_at;
  check('sync latency is measured', latency > 0 && latency < 5000);
  console.log(`info: sync latency ${latency.toFixed(1)} ms (worker's POST sent → command applied on the supervisor's page)`);

  // 1b. A reload (a phone's browser discarding the tab) takes the same seat back: the same user, no
  // new participant, the same state; no join screen.
  const seats = async () => (await api('GET', `/api/rooms/${code}`)).json.participants.length;
  const seatsBefore = await seats();
  await w.reload();
  await w.waitForFunction(() => window.kalanFirstFrameAt !== undefined, null, { timeout: 20000 });
  dw = await waitFor(w, (x) => x.room.phase === 'live' && x.has_session && x.room.online && !!x.anchors['clock.plus1h'],
                     'the worker page back in the room');
  check('a reload takes the same seat back (same user, no new participant)',
        dw.room.user === 'fkansaye' && (await seats()) === seatsBefore, `${dw.room.user} ${seatsBefore}`);
  check('after the reload the page has the server\'s hash', dw.hash === (await serverRoom(1)).hash && dw.room.seq === 1);

  // 2. A refused command is shown where the worker acted, and changes nothing.
  await click(w, dw.anchors['clock.plus1h']);
  dw = await waitFor(w, (x) => x.status.includes('clock.advance'), 'the refusal');
  check('a refused command shows the server\'s refusal in the clock bar', dw.status.startsWith('Refusé par le serveur'), dw.status);
  check('a refused command changes nothing', (await serverRoom(1)).seq === 1 && dw.room.seq === 1);

  // 3. Bad network. First the answer is lost on the way back (the server has applied it), then the
  // network is cut: both commands wait, then are resent with their keys and applied once each.
  await worker.context.route('**/api/rooms/*/commands*', async (route) => {
    await route.fetch();  // reaches the server...
    await route.abort('connectionreset');  // ...but the page never hears back
  });
  await sendSms(w, 'Perdu');
  dw = await waitFor(w, (x) => !x.room.online && x.room.pending.length === 1, 'the worker to go offline');
  check('a command whose answer was lost stays pending', dw.room.pending[0] === 'sms.receive');
  await worker.context.setOffline(true);
  await worker.context.unroute('**/api/rooms/*/commands*');
  await worker.context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await sendSms(w, 'Offline');
  dw = await waitFor(w, (x) => x.room.pending.length === 2 && !x.room.online, 'the second command to queue');
  check('offline: commands are queued with a counter', !dw.room.online && dw.room.pending.length === 2,
        JSON.stringify(dw.room.pending));
  await w.waitForTimeout(150);
  await w.screenshot({ path: path.join(outDir, 'room-offline.png') });
  const mid = await serverRoom(2);
  check('the lost answer\'s command was applied by the server once', mid.seq === 2, `server seq ${mid.seq}`);
  ds = await waitFor(s, (x) => x.room.seq === 2, 'the supervisor to see it');
  check('the supervisor page follows while the worker is offline', ds.room.seq === 2 && ds.hash === mid.hash);

  await worker.context.unroute('**/api/**');
  await worker.context.setOffline(false);
  const back = Date.now();
  dw = await waitFor(w, (x) => x.room.online && x.room.pending.length === 0 && x.room.seq === 3, 'reconnection', 15000);
  console.log(`info: reconnection and resend took ${Date.now() - back} ms (retry every 2 s)`);
  const r3 = await serverRoom(3);
  check('after reconnection: each command applied once (server seq + 2 for two commands)', r3.seq === 3, `server seq ${r3.seq}`);
  ds = await waitFor(s, (x) => x.room.seq === 3, 'the supervisor to see the queued one');
  check('the queued command reaches the supervisor', ds.room.seq === 3);
  check('equal hashes after the resync', dw.hash === ds.hash && ds.hash === r3.hash, `${dw.hash} ${ds.hash} ${r3.hash}`);
  check('no hash mismatch on either page', dw.room.mismatches === 0 && ds.room.mismatches === 0);
  const log = await texts();
  check('the log holds each text once, in order', JSON.stringify(log) === JSON.stringify(['Bonjour', 'Perdu', 'Offline']),
        JSON.stringify(log));

  // 3b. A divergence: the supervisor's stream is cut, and on reconnection it gets a forged event (a
  // real command with a wrong hash). The page must say so, reload the log and end equal to the server.
  const real = (await api('GET', `/api/rooms/${code}/commands?after=0`)).json.commands[0].command;
  await s.route('**/api/rooms/*/events*', (route) => route.fulfill({
    status: 200, headers: { 'Content-Type': 'text/event-stream' },
    body: `id: 4\nevent: command\ndata: ${JSON.stringify({ seq: 4, command: real, hash: '0000000000000000' })}\n\n`,
  }), { times: 1 });
  await s.evaluate(() => {  // what room.js reports when the stream breaks
    window.kalanRoom.stop();
    Module.ccall('kalan_room_cb', null, ['string', 'number', 'string', 'number'], ['down', 0, '', 0]);
  });
  ds = await waitFor(s, (x) => x.room.mismatches === 1 && x.room.resyncs >= 1 && x.room.online && x.room.seq === 3,
                     'the divergence to be found and mended');
  check('a wrong hash shows the divergence banner', ds.room.alert.startsWith('Votre copie différait du serveur (n° 4)'), ds.room.alert);
  check('after the resync the supervisor equals the server again', ds.hash === (await serverRoom(3)).hash, ds.hash);
  await s.waitForTimeout(150);
  await s.screenshot({ path: path.join(outDir, 'room-mismatch.png') });

  // 4. The trainer console: participants, clock control, export.
  const console_ = await open(`room=${code}&trainer=${trainer}`, errors);
  const t = console_.page;
  let dt = await waitFor(t, (x) => x.room.participants === 2 && !!x.anchors['trainer.next_day'], 'the participants list');
  check('the trainer console lists both participants', dt.room.participants === 2 && dt.room.trainer);
  await click(t, dt.anchors['trainer.next_day']);
  ds = await waitFor(s, (x) => x.room.seq === 4, 'the next day on the supervisor page');
  check('« Jour suivant » moves every page to the next day at 08:00', ds.now === '2024-03-05T08:00:00Z', ds.now);
  dt = await waitFor(t, (x) => x.room.seq === 4, 'the trainer page');
  dw = await waitFor(w, (x) => x.room.seq === 4, 'the worker page');
  check('three pages, one hash', dt.hash === ds.hash && dw.hash === ds.hash);
  const download = t.waitForEvent('download', { timeout: 5000 });
  await click(t, dt.anchors['trainer.export']);
  const file = await (await download).path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  check('« Exporter » downloads the room as a session', exported.format === 'kalan-session' && exported.commands.length === 4);
  // Inject the scripted event already in the field (« Jam » from a reporter's phone).
  await click(t, dt.anchors['trainer.inject']);
  ds = await waitFor(s, (x) => x.room.seq === 5, 'the injected event on the supervisor page');
  const injected = (await api('GET', `/api/rooms/${code}/commands?after=4`)).json.commands[0];
  check('« Injecter » submits the JSON command as system', injected.command.type === 'sms.receive' &&
        injected.command.text === 'Jam' && injected.command.actor === 'system', JSON.stringify(injected.command));
  // Resume the room's clock: the server advances it every second; then pause it again.
  dt = await debug(t);
  await click(t, dt.anchors['trainer.play']);
  ds = await waitFor(s, (x) => x.room.seq >= 7, 'the running clock on the supervisor page');
  check('« Reprendre » runs the room clock (clock.advance every second)', (await serverRoom(7)).running === true);
  dt = await waitFor(t, (x) => x.room.running === true, 'the console to show the clock running');
  await click(t, dt.anchors['trainer.play']);
  await sleep(300);
  check('« Pause » stops it', (await api('GET', `/api/rooms/${code}`)).json.running === false);
  await t.screenshot({ path: path.join(outDir, 'room-trainer.png') });
  // 5. Exercise progress, live: a room on the RapidProtection curriculum (its exercises without setup
  // start with the room). The community reporter texts « Jam » and answers the flow from her phone;
  // her own page and the trainer console both count the tasks she completed, her hint, her score.
  const scenario = JSON.parse(fs.readFileSync(new URL('../../scenarios/curriculum-rapidprotection.json', import.meta.url), 'utf8'));
  const made = await api('POST', '/api/rooms', { scenario });
  const code2 = made.json.code;
  check('a room on an uploaded curriculum scenario', made.status === 201, code2);
  const reporter = await open(`room=${code2}&name=Safiatou&role=community_reporter`, errors);
  const rp = reporter.page;
  const jam = (d) => d.board.runs.find((r) => r.exercise === 'rp-jam-complet');
  const mine = (run) => run.actors.find((a) => a.actor === 'sdicko') || { tasks_done: 0, score: 0, hints: 0 };
  let dr = reporter.d;
  check('the reporter joins as sdicko', dr.room.user === 'sdicko', dr.room.user);
  check('her page follows the room\'s exercises (those without setup started)', !!dr.board && dr.board.runs.length === 3 &&
        JSON.stringify(dr.board.not_started) === '["rp-suivi-relaye"]', JSON.stringify(dr.board && dr.board.runs.map((r) => r.exercise)));
  check('no task done before she acts', jam(dr).pair.tasks_done === 0 && mine(jam(dr)).tasks_done === 0);
  const tconsole = await open(`room=${code2}&trainer=${trainer}`, errors);
  const t2 = tconsole.page;
  let d2 = await waitFor(t2, (x) => x.room.progress.length === 1, 'the console\'s progress table');
  check('the console lists the reporter with no progress yet', d2.room.progress[0].name === 'Safiatou' &&
        d2.room.progress[0].tasks_done === 0 && d2.room.progress[0].score === 0, JSON.stringify(d2.room.progress));
  // The report, from her phone: the first answer completes « Le signalement … est enregistré ».
  const texts2 = ['Jam', 'Awa Diarra 10 f', '7', 'Socoura', 'oui'];
  for (let i = 0; i < texts2.length; ++i) {
    await sendSms(rp, texts2[i]);
    await waitFor(rp, (x) => x.room.seq === i + 1 && x.room.pending.length === 0, `SMS ${i + 1} applied`);
  }
  dr = await waitFor(rp, (x) => mine(jam(x)).tasks_done === 3, 'her page to count her three tasks');
  check('her page: the three tasks of « Jam complet » are hers, score 10', mine(jam(dr)).tasks_done === 3 &&
        mine(jam(dr)).score === 10 && jam(dr).pair.tasks_done === 3, JSON.stringify(jam(dr)));
  d2 = await waitFor(t2, (x) => x.room.seq === 5 && x.room.progress[0].tasks_done >= 3, 'the console to count them');
  check('the console: her tasks and score updated live, the same as her page', d2.room.progress[0].score ===
        dr.board.runs.reduce((n, r) => n + mine(r).score, 0) && d2.room.progress[0].tasks_done ===
        dr.board.runs.reduce((n, r) => n + mine(r).tasks_done, 0), JSON.stringify(d2.room.progress[0]));
  check('the console\'s room total is her page\'s', JSON.stringify(d2.board.room) === JSON.stringify(dr.board.room),
        JSON.stringify(d2.board.room));
  // A hint asked on her page goes through the room's log: the console charges it to her.
  await click(rp, dr.anchors['tab.exercise']);
  dr = await waitFor(rp, (x) => !!x.anchors['exercise.hint.0'] || !!x.anchors['exercise.hint.1'], 'the hint button');
  const shown = dr.board.shown;
  const before = d2.room.progress[0].hints;
  await click(rp, dr.anchors['exercise.hint.0'] || dr.anchors['exercise.hint.1']);
  d2 = await waitFor(t2, (x) => x.room.progress[0].hints === before + 1, 'the hint on the console');
  dr = await waitFor(rp, (x) => x.room.seq === 6, 'the hint in her log');
  const run = dr.board.runs.find((r) => r.exercise === shown);
  check('a hint asked by the trainee is hers on every page', mine(run).hints === 1 && d2.room.progress[0].hints === before + 1,
        `${shown} ${JSON.stringify(mine(run))}`);
  // Her debrief, from the console; then the exercise with a setup, started from the console.
  d2 = await waitFor(t2, (x) => !!x.anchors['trainer.debrief.sdicko'], 'the debrief button');
  const dl = t2.waitForEvent('download', { timeout: 5000 });
  await click(t2, d2.anchors['trainer.debrief.sdicko']);
  const saved = await dl;
  const html = fs.readFileSync(await saved.path(), 'utf8');
  check('« Débriefing » downloads her debrief (HTML, her tasks)', saved.suggestedFilename() === 'debriefing-sdicko.html' &&
        html.includes('sdicko') && html.includes('Awa Diarra'), saved.suggestedFilename());
  await click(t2, d2.anchors['trainer.start.rp-suivi-relaye']);
  dr = await waitFor(rp, (x) => x.board.runs.length === 4, 'the started exercise on her page');
  check('« Lancer » plays the exercise\'s setup in the room: every page starts following it', dr.board.not_started.length === 0);
  await t2.screenshot({ path: path.join(outDir, 'room-progress.png') });

  // 6. An approval across pages, then a conflict. The trainer seats a worker (fkansaye) and two
  // supervisors' pages on mtembely's seat (links with ?seat=). The worker requests the assessment's
  // approval from her page; one supervisor page, offline, approves; the other approves first; the
  // worker sees the approval. On reconnection the late approval is refused by the room, and its page
  // says so in the red conflict banner; every page ends equal to the server.
  const made3 = await api('POST', '/api/rooms', { scenario: 'mopti-atelier' });
  const code3 = made3.json.code;
  const lifecycle = fs.readFileSync(new URL('../cli/cases-lifecycle.jsonl', import.meta.url), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const seat = async (name, user) => (await api('POST', `/api/rooms/${code3}/participants`, { name, user })).json.token;
  const workerToken = await seat('Fatoumata', 'fkansaye');
  // The SMS report (injected by the trainer), then fkansaye's steps up to the assessment form, sent
  // with her token (its approval is asked on her page).
  let requests = 0;
  for (const { actor, ...c } of lifecycle) {
    if (c.type === 'case.approval.request' && ++requests === 2) break;
    if (actor === 'trainer') await api('POST', `/api/rooms/${code3}/inject`, { command: c });
    if (actor !== 'fkansaye') continue;
    const r = await fetch(`${base}/api/rooms/${code3}/commands`, {
      method: 'POST', headers: { Authorization: 'Bearer ' + workerToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ command: c, key: `setup-${c.type}-${Math.random()}` }) });
    if (r.status !== 201 && c.type !== 'case.approval.request') check(`setup: ${c.type} accepted`, false, `${r.status} ${await r.text()}`);
  }
  const openSeat = async (token, user) => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 720 } });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/?room=${code3}&seat=${token}`);
    await page.waitForFunction(() => window.kalanFirstFrameAt !== undefined, null, { timeout: 20000 });
    const d = await waitFor(page, (x) => x.room.phase === 'live' && x.has_session && x.room.online, 'a seat link to open the room');
    check(`a seat link opens the room as ${user}, without the join screen`, d.room.user === user, d.room.user);
    return { context, page };
  };
  // A page's case workspace (locked to its user), the case, its approvals tab.
  const toApprovals = async (page, user) => {
    let d = await debug(page);
    await click(page, d.anchors['tab.cases']);
    d = await waitFor(page, (x) => x.cases.user === user && !!x.anchors['cases.row.0'], 'the case list');
    check(`${user}'s workspace is locked to their user`, d.cases.user === user && !d.anchors['cases.user.trainer']);
    await click(page, d.anchors['cases.row.0']);
    d = await waitFor(page, (x) => x.cases.open_case === 'CAS-0001' && !!x.anchors['case.tab.approvals'], 'the case record');
    await page.waitForTimeout(150);
    d = await debug(page);
    await click(page, d.anchors['case.tab.approvals']);
    return waitFor(page, (x) => !!x.anchors['case.approval.request.assessment'], 'the approvals tab');
  };
  const wk = await openSeat(workerToken, 'fkansaye');
  const sup1 = await openSeat(await seat('Moussa', 'mtembely'), 'mtembely');
  const sup2 = await openSeat(await seat('Aminata', 'mtembely'), 'mtembely');
  let dk = await toApprovals(wk.page, 'fkansaye');
  const seqBefore = (await api('GET', `/api/rooms/${code3}`)).json.seq;
  await click(wk.page, dk.anchors['case.approval.request.assessment']);
  dk = await waitFor(wk.page, (x) => x.room.seq === seqBefore + 1 && x.room.pending.length === 0, 'the request to land');
  let d1 = await toApprovals(sup1.page, 'mtembely');
  let d2b = await toApprovals(sup2.page, 'mtembely');
  d1 = await waitFor(sup1.page, (x) => !!x.anchors['case.approval.approve.assessment'], 'the request on the first supervisor page');
  d2b = await waitFor(sup2.page, (x) => !!x.anchors['case.approval.approve.assessment'], 'the request on the second supervisor page');
  check('the worker\'s request reaches the supervisors\' pages', d1.room.seq === seqBefore + 1 && d2b.room.seq === seqBefore + 1);
  await sup1.context.setOffline(true);
  await sup1.context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await click(sup1.page, d1.anchors['case.approval.approve.assessment']);
  d1 = await waitFor(sup1.page, (x) => x.room.pending.length === 1, 'the offline approval to queue');
  await click(sup2.page, d2b.anchors['case.approval.approve.assessment']);
  d2b = await waitFor(sup2.page, (x) => x.room.seq === seqBefore + 2 && x.room.pending.length === 0, 'the other approval to land');
  dk = await waitFor(wk.page, (x) => x.room.seq === seqBefore + 2 && x.cases.stage === 'case_plan', 'the approval on the worker\'s page');
  check('the worker sees the approval: her case moves to « Plan de prise en charge »', dk.cases.stage === 'case_plan', dk.cases.stage);
  await sup1.context.unroute('**/api/**');
  await sup1.context.setOffline(false);
  d1 = await waitFor(sup1.page, (x) => x.room.online && x.room.pending.length === 0 && x.room.seq === seqBefore + 2, 'the resend', 15000);
  check('the late approval is refused and shown as a conflict', d1.room.conflicts === 1 && d1.room.alert.startsWith('Conflit'),
        d1.room.alert);
  let r6 = (await api('GET', `/api/rooms/${code3}`)).json;
  for (let i = 0; i < 100 && r6.hash_seq !== r6.seq; i++, await sleep(20)) r6 = (await api('GET', `/api/rooms/${code3}`)).json;
  check('the room holds one approval, and every page its hash', r6.seq === seqBefore + 2 && d1.hash === r6.hash &&
        (await debug(sup2.page)).hash === r6.hash && (await debug(wk.page)).hash === r6.hash, `${r6.seq} ${seqBefore}`);
  await sup1.page.waitForTimeout(150);
  await sup1.page.screenshot({ path: path.join(outDir, 'room-conflict.png') });

  // Failed requests while offline are logged by Chromium itself; anything else is a bug.
  const unexpected = errors.filter((e) => !/Failed to load resource|net::ERR_/.test(e));
  check('no console errors (besides the failed requests while offline)', unexpected.length === 0, unexpected.join(' | '));
} catch (e) {
  failed++;
  console.log('FAIL: ' + (e && e.stack || e));
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(data, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
