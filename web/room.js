// Room mode's network glue: fetch and EventSource for the wasm app (ui/room_client.cpp through web/room_transport_web.cpp).
// Every answer goes back through one exported function, kalan_room_cb(what, status, key, body);
// status 0 means the network failed (offline, server gone).
(function () {
  let es = null;       // the room's event stream
  let esTag = 0;       // bumps when a stream is replaced, so a stale one's callbacks are ignored
  // The body goes through the heap, not the stack: a room's whole log can be megabytes.
  const cb = (what, status, key, body) => {
    const text = body || '';
    const size = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(size);
    Module.stringToUTF8(text, ptr, size);
    try {
      Module.ccall('kalan_room_cb', null, ['string', 'number', 'string', 'number'], [what, status, key || '', ptr]);
    } finally {
      Module._free(ptr);
    }
  };
  const headers = (token) => {
    const h = { 'Content-Type': 'application/json' };
    if (token) h.Authorization = 'Bearer ' + token;
    return h;
  };

  // Seats by room code, in this browser's storage (absent in private windows: then nothing is kept).
  const seatKey = (code) => 'kalan.seat.' + code;
  const recall = (code) => {
    try { return (code && localStorage.getItem(seatKey(code))) || ''; } catch (e) { return ''; }
  };

  window.kalanRoom = {
    // Remembers the participant's token for a room; an empty token forgets it.
    remember(code, token) {
      try {
        if (token) localStorage.setItem(seatKey(code), token);
        else localStorage.removeItem(seatKey(code));
      } catch (e) { /* storage refused: the page still works, a reload asks to join again */ }
    },
    // Is this page served by `kalan serve`? Also reads ?room=, ?name=, ?role=, ?trainer= to prefill,
    // and the seat to take back: ?seat= (a link the trainer handed out), else the one this browser
    // remembered for the room (a phone that reloads the page keeps its place and its user).
    probe() {
      const q = new URLSearchParams(location.search);
      const room = (q.get('room') || '').toUpperCase();
      const params = JSON.stringify({ room, name: q.get('name') || '', role: q.get('role') || '',
                                      trainer: q.get('trainer') || '', seat: q.get('seat') || recall(room) });
      fetch('/api/info', { cache: 'no-store' })
        .then((r) => (r.ok ? r.json() : null))
        .then((j) => cb('info', j && j.name === 'kalan' ? 200 : 404, params, j ? JSON.stringify(j) : ''))
        .catch(() => cb('info', 0, params, ''));
    },
    // One HTTP request; the answer (or 0 on a network failure) comes back tagged with `what` and `key`.
    request(what, method, url, token, body, key) {
      const init = { method, headers: headers(token), cache: 'no-store' };
      if (body) init.body = body;
      fetch(url, init)
        .then((r) => r.text().then((t) => cb(what, r.status, key, t)))
        .catch((e) => cb(what, 0, key, String(e)));
    },
    // The room and its whole log (pages of up to 5000 commands), as {room, commands}.
    async snapshot(code, token) {
      const base = '/api/rooms/' + encodeURIComponent(code);
      try {
        const r = await fetch(base, { headers: headers(token), cache: 'no-store' });
        const roomText = await r.text();
        if (!r.ok) return cb('snapshot', r.status, '', roomText);
        const commands = [];
        let after = 0;
        for (;;) {
          const p = await fetch(base + '/commands?after=' + after, { headers: headers(token), cache: 'no-store' });
          if (!p.ok) return cb('snapshot', p.status, '', await p.text());
          const page = await p.json();
          for (const c of page.commands) commands.push(c);
          if (!page.more || !page.commands.length) break;
          after = page.commands[page.commands.length - 1].seq;
        }
        cb('snapshot', 200, '', '{"room":' + roomText + ',"commands":' + JSON.stringify(commands) + '}');
      } catch (e) {
        cb('snapshot', 0, '', String(e));
      }
    },
    // Follows the room's events after `after`. Any error closes the stream: the app decides when to retry.
    follow(code, token, after) {
      this.stop();
      const tag = ++esTag;
      es = new EventSource('/api/rooms/' + encodeURIComponent(code) + '/events?after=' + after +
                           '&token=' + encodeURIComponent(token));
      const live = () => tag === esTag;
      es.onopen = () => { if (live()) cb('open', 200, '', ''); };
      for (const type of ['command', 'hash', 'reset'])
        es.addEventListener(type, (e) => { if (live()) cb('event', 200, type, e.data); });
      es.onerror = () => {
        if (!live()) return;
        this.stop();
        cb('down', 0, '', '');
      };
    },
    stop() {
      esTag++;
      if (es) es.close();
      es = null;
    },
  };
})();
