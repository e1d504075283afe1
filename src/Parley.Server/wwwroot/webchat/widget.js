/* Parley web chat widget: plain JavaScript, no framework. Embed with
   <script src="https://parley.example/webchat/widget.js" data-widget-key="KEY" async></script>
   Protocol: docs/webchat.md. Messages are shown as text (textContent), never as HTML. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__parleyChat) { return; }
  window.__parleyChat = true;
  var key = script.getAttribute('data-widget-key');
  var base = new URL(script.src, location.href).origin;
  var api = base + '/webchat/' + encodeURIComponent(key);
  var storeKey = 'parley-chat:' + key;
  // A paper clip drawn, not the emoji: a machine without an emoji font shows a box for U+1F4CE.
  var CLIP = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9"/></svg>';
  var state = load();
  var config = null, socket = null, sse = false, opened = false, retry = 0, retryTimer = 0, fullReplay = true, typingSent = 0, typingStop = 0, agentName = 'Agent', typingHide = 0, unread = 0;

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* private mode: this page only */ }
  }
  /* A random id kept across chats on this browser, so the agent sees this visitor's earlier chats. */
  function visitorId() {
    var k = 'parley-visitor:' + key, v = null;
    try {
      v = localStorage.getItem(k);
      if (!v) { v = window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now(); localStorage.setItem(k, v); }
    } catch (e) { /* private mode: no memory of earlier chats */ }
    return v;
  }
  /* One frame to the server: over the socket, or POSTed when the fallback (event stream + POST) is in use. */
  function ready() { return socket && (sse ? socket.readyState !== 2 : socket.readyState === 1); }
  function tx(f) {
    if (!ready()) { return; }
    if (!sse) { socket.send(JSON.stringify(f)); return; }
    var s = socket;
    fetch(api + '/send?token=' + encodeURIComponent(state.token), { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(f) })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (a) { a.forEach(function (x) { on(x, s); }); })
      .catch(function () { /* the stream's reconnect re-sends what is not acknowledged */ });
  }
  function fileUrl(id) { return api + '/attachments/' + id + '?token=' + encodeURIComponent(state.token); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text != null) { e.textContent = text; }
    return e;
  }

  var host = el('div');
  host.setAttribute('data-parley-chat', '');
  var root = host.attachShadow({ mode: 'open' });
  var css = el('style');
  css.textContent = [
    ':host{all:initial}*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:15px}',
    '.launch{position:fixed;right:16px;bottom:16px;z-index:2147483000;border:0;border-radius:24px;height:48px;max-width:calc(100vw - 32px);padding:0 20px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;color:#fff;background:var(--c);box-shadow:0 4px 14px rgba(0,0,0,.3);cursor:pointer;font-weight:600}',
    '.launch:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #ffb300;outline-offset:2px}',
    '.panel{position:fixed;right:16px;bottom:76px;z-index:2147483000;width:min(370px,calc(100vw - 32px));height:min(560px,calc(100vh - 106px));display:none;flex-direction:column;background:#fff;color:#1a1a1a;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden}',
    '.panel.open{display:flex}',
    '@media (max-width:480px),(max-height:420px){.panel{right:0;bottom:0;width:100vw;height:100%;border-radius:0}.panel.open+.launch{display:none}}',
    '.head{background:var(--c);color:#fff;padding:12px 14px;display:flex;align-items:center;gap:8px}.head h2{flex:1;margin:0;font-size:16px}',
    '.head button{background:rgba(255,255,255,.18);color:#fff;border:0;border-radius:6px;padding:6px 10px;cursor:pointer}',
    '.status{padding:8px 14px;background:#f1f4f9;color:#37474f;font-size:13px}.status:empty{display:none}',
    '.log{flex:1;min-height:110px;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}.rating{flex-shrink:0;max-height:60%;overflow-y:auto;border-top:1px solid #eceff1;padding-top:10px}',
    '.msg{max-width:82%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.35}',
    '.msg.customer{align-self:flex-end;background:var(--c);color:#fff;border-bottom-right-radius:3px}.msg.customer a{color:#fff}',
    '.msg.agent{align-self:flex-start;background:#eceff1;border-bottom-left-radius:3px}.msg .who{display:block;font-size:12px;font-weight:600;margin-bottom:2px}',
    '.msg.pending{opacity:.6}.note{align-self:center;color:#546e7a;font-size:13px;text-align:center}',
    '.typing{padding:0 14px 6px;color:#546e7a;font-size:13px;min-height:20px}',
    'form{display:flex;flex-direction:column;gap:8px;padding:14px}label{font-size:13px;color:#37474f;display:flex;flex-direction:column;gap:3px}',
    'input,textarea{border:1px solid #b0bec5;border-radius:6px;padding:8px;width:100%;color:#1a1a1a;background:#fff}',
    '.send{display:flex;gap:6px;padding:8px;border-top:1px solid #eceff1}.send textarea{resize:none;height:42px}',
    '.primary{background:var(--c);color:#fff;border:0;border-radius:6px;padding:9px 14px;cursor:pointer;font-weight:600}',
    '.stars{display:flex;gap:4px}.stars button{border:1px solid #b0bec5;background:#fff;border-radius:6px;padding:6px 9px;cursor:pointer;font-size:18px}',
    '.stars button[aria-pressed=true]{background:#ffe082}.secondary{background:#fff;color:var(--c);border:1px solid var(--c);border-radius:6px;padding:9px 14px;cursor:pointer;font-weight:600}.file svg{width:15px;height:15px;vertical-align:-2px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}.err{color:#c62828;font-size:13px}',
    '.file{display:block;margin-top:4px;color:inherit}.file img{display:block;max-width:100%;max-height:160px;border-radius:6px}.attach{background:none;border:1px solid #b0bec5;border-radius:6px;cursor:pointer;padding:0 9px;color:#455a64;display:flex;align-items:center}.attach svg{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}'
  ].join('');
  root.appendChild(css);
  var panel = el('section', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Chat');
  var head = el('div', 'head');
  var title = el('h2', null, 'Chat');
  var endBtn = el('button', 'end', 'End chat');
  var closeBtn = el('button', 'close', '\u2013');
  closeBtn.setAttribute('aria-label', 'Minimise chat');
  head.append(title, endBtn, closeBtn);
  var status = el('div', 'status');
  status.setAttribute('role', 'status');
  var log = el('div', 'log');
  log.setAttribute('aria-live', 'polite');
  var typing = el('div', 'typing');
  var body = el('div');
  body.style.display = 'contents';
  panel.append(head, status, log, typing, body);
  var launch = el('button', 'launch', 'Chat with us');
  launch.setAttribute('aria-expanded', 'false');
  root.append(panel, launch);

  launch.onclick = function () { toggle(!panel.classList.contains('open')); };
  closeBtn.onclick = function () { toggle(false); };
  endBtn.onclick = function () {
    tx({ type: 'end' });
  };
  /* Opening shows the newest message and puts the cursor in the first field (never the hidden file picker); an open chat
     stays open on the next page, and agent messages that arrive while it is minimised are counted on the launcher. */
  function toggle(open) {
    panel.classList.toggle('open', open);
    launch.setAttribute('aria-expanded', String(open));
    if (state.token) { state.open = open; save(); }
    if (open) { unread = 0; showUnread(); scroll(); focusField(); }
  }
  function isOpen() { return panel.classList.contains('open'); }
  function focusField() { var f = root.querySelector('textarea, input:not([type=file])'); if (f && isOpen()) { f.focus(); } }
  function showUnread() { launch.textContent = unread ? 'Chat with us (' + unread + ' new)' : 'Chat with us'; }
  function setStatus(text) { status.textContent = text || ''; }
  function note(text) { log.appendChild(el('div', 'note', text)); scroll(); }
  function scroll() { log.scrollTop = log.scrollHeight; }

  /* Text with its web links made clickable, safely: only http(s) URLs become links, everything else stays text. */
  function linkify(parent, text) {
    var re = /\bhttps?:\/\/[^\s<>"']+/gi, last = 0, m;
    while ((m = re.exec(text))) {
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      var a = el('a', null, m[0]);
      a.href = m[0];
      a.target = '_blank';
      a.rel = 'noopener noreferrer nofollow';
      parent.appendChild(a);
      last = m.index + m[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }
  function bubble(from, name, text, seq, pending, file) {
    var id = from + '-' + seq;
    var old = log.querySelector('[data-id="' + id + '"]');
    if (old) { old.classList.toggle('pending', !!pending); return; }
    var b = el('div', 'msg ' + from + (pending ? ' pending' : ''));
    b.setAttribute('data-id', id);
    if (from === 'agent' && name) { b.appendChild(el('span', 'who', name)); }
    linkify(b, text);
    if (file) {
      var a = el('a', 'file');
      a.innerHTML = CLIP;
      a.appendChild(document.createTextNode(' ' + file.name));
      a.href = fileUrl(file.id);
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      if (/^image\//.test(file.type)) {
        var img = el('img');
        /* the preview grows the log once loaded: follow it if the reader was at the newest message */
        img.onload = function () { if (log.scrollHeight - log.scrollTop - log.clientHeight <= img.offsetHeight + 48) { scroll(); } };
        img.src = a.href;
        img.alt = file.name;
        a.prepend(img);
      }
      b.appendChild(a);
    }
    log.appendChild(b);
    scroll();
  }

  function showPreChat() {
    body.textContent = '';
    endBtn.hidden = true;
    setStatus(config.online ? '' : (config.offlineMessage || 'We are offline right now.'));
    if (!config.online) { return; }
    log.textContent = '';
    if (config.greeting) { log.appendChild(el('div', 'note greeting', config.greeting)); }
    var form = el('form');
    form.className = 'prechat';
    (config.preChatFields || []).forEach(function (f) {
      var label = el('label', null, f.label + (f.required ? ' *' : ''));
      var input = el('input');
      input.name = f.key;
      input.required = !!f.required;
      input.type = f.kind === 'Email' ? 'email' : f.kind === 'Phone' ? 'tel' : 'text';
      input.autocomplete = f.kind === 'Name' ? 'name' : f.kind === 'Email' ? 'email' : f.kind === 'Phone' ? 'tel' : 'off';
      input.maxLength = 200;
      label.appendChild(input);
      form.appendChild(label);
    });
    var wantMail = null;
    if (config.transcripts && (config.preChatFields || []).some(function (f) { return f.kind === 'Email'; })) {
      var ml = el('label', null, 'E-mail me the transcript');
      ml.style.flexDirection = 'row';
      wantMail = el('input');
      wantMail.type = 'checkbox';
      wantMail.style.width = 'auto';
      ml.prepend(wantMail);
      form.appendChild(ml);
    }
    var err = el('div', 'err');
    var go = el('button', 'primary', 'Start chat');
    go.type = 'submit';
    form.append(err, go);
    form.onsubmit = function (e) {
      e.preventDefault();
      go.disabled = true;
      var answers = {};
      Array.prototype.forEach.call(form.querySelectorAll('input'), function (i) { if (i.value && i.type !== 'checkbox') { answers[i.name] = i.value; } });
      fetch(api + '/chats', { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ preChat: answers, page: location.href, visitor: visitorId(), transcript: !!(wantMail && wantMail.checked) }) })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (r) {
          if (!r.ok) { go.disabled = false; err.textContent = r.body.detail || r.body.title || 'Could not start the chat.'; return; }
          state = { token: r.body.token, nextSeq: 1, outbox: [], lastAgentSeq: 0, open: true };
          if (wantMail && wantMail.checked) { state.mailed = true; }
          save();
          log.textContent = '';
          showChat();
          focusField();
          connect();
        })
        .catch(function () { go.disabled = false; err.textContent = 'Could not reach the chat service.'; });
    };
    body.appendChild(form);
  }

  function showChat() {
    body.textContent = '';
    endBtn.hidden = false;
    if (config.greeting && !log.querySelector('.greeting')) { var g = el('div', 'note greeting', config.greeting); log.prepend(g); }
    var row = el('div', 'send');
    var input = el('textarea');
    input.id = 'parley-chat-input';
    input.setAttribute('aria-label', 'Your message');
    input.placeholder = 'Write a message\u2026';
    input.maxLength = 4000;
    var send = el('button', 'primary', 'Send');
    var pick = el('input');
    pick.type = 'file';
    pick.hidden = true;
    var attach = el('button', 'attach');
    attach.innerHTML = CLIP;
    attach.setAttribute('aria-label', 'Attach a file');
    attach.onclick = function () { pick.click(); };
    pick.onchange = function () {
      var f = pick.files[0];
      if (!f) { return; }
      var data = new FormData();
      data.append('file', f, f.name);
      pick.value = '';
      fetch(api + '/attachments?token=' + encodeURIComponent(state.token), { method: 'POST', credentials: 'omit', body: data })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (r) {
          if (!r.ok) { note(r.body.detail || 'The file could not be sent.'); return; }
          var m = { seq: state.nextSeq++, text: '', file: r.body };
          state.outbox.push(m);
          save();
          bubble('customer', null, '', m.seq, true, m.file);
          flush();
        })
        .catch(function () { note('The file could not be sent.'); });
    };
    row.append(attach, pick, input, send);
    function submit() {
      var text = input.value.trim();
      if (!text) { return; }
      input.value = '';
      var m = { seq: state.nextSeq++, text: text };
      state.outbox.push(m);
      save();
      bubble('customer', null, text, m.seq, true);
      sendTyping(false);
      flush();
    }
    send.onclick = submit;
    input.onkeydown = function (e) { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit(); } };
    input.oninput = function () {
      var now = Date.now();
      if (now - typingSent > 3000) { sendTyping(true); }
      clearTimeout(typingStop);
      typingStop = setTimeout(function () { sendTyping(false); }, 4000);
    };
    body.appendChild(row);
  }

  function sendTyping(on) {
    typingSent = on ? Date.now() : 0;
    tx({ type: 'typing', on: on });
  }

  function showRating() {
    body.textContent = '';
    endBtn.hidden = true;
    typing.textContent = '';
    var form = el('form');
    form.className = 'rating';
    form.appendChild(el('div', null, 'How did we do?'));
    var stars = el('div', 'stars'), score = 0, need = el('div', 'err');
    stars.setAttribute('role', 'group');
    stars.setAttribute('aria-label', 'Rating');
    need.setAttribute('role', 'alert');
    [1, 2, 3, 4, 5].forEach(function (n) {
      var b = el('button', null, '\u2605');
      b.type = 'button';
      b.setAttribute('aria-label', n + ' of 5');
      b.setAttribute('aria-pressed', 'false');
      b.onclick = function () {
        score = n;
        need.textContent = '';
        Array.prototype.forEach.call(stars.children, function (s, i) { s.setAttribute('aria-pressed', String(i < n)); });
      };
      stars.appendChild(b);
    });
    var comment = el('textarea');
    comment.setAttribute('aria-label', 'Comment (optional)');
    comment.placeholder = 'Comment (optional)';
    comment.maxLength = 1000;
    var done = el('button', 'primary', 'Send rating');
    done.type = 'submit';
    var again = el('button', 'secondary', 'Start a new chat');
    again.type = 'button';
    again.onclick = restart;
    form.append(stars, need, comment, done, again);
    setTimeout(function () { log.scrollTop = log.scrollHeight; });
    form.onsubmit = function (e) {
      e.preventDefault();
      if (!score) { need.textContent = 'Choose from 1 to 5 stars first.'; return; }
      if (!ready()) { return; }
      tx({ type: 'rate', score: score, comment: comment.value });
    };
    if (config.transcripts && !state.mailed) {
      var mail = el('input');
      mail.type = 'email';
      mail.setAttribute('aria-label', 'Your e-mail address');
      mail.placeholder = 'E-mail for the transcript';
      var mailBtn = el('button', null, 'E-mail me the transcript');
      mailBtn.type = 'button';
      mailBtn.onclick = function () {
        fetch(api + '/transcript?token=' + encodeURIComponent(state.token), { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: mail.value }) })
          .then(function (r) { if (r.ok) { state.mailed = true; save(); mail.remove(); mailBtn.remove(); note('The transcript is on its way.'); } else { mail.setCustomValidity('Check the address'); mail.reportValidity(); } });
      };
      form.append(mail, mailBtn);
    }
    body.appendChild(form);
  }

  function restart() {
    if (socket) { socket.onclose = socket.onerror = null; socket.close(); socket = null; }
    state = {};
    save();
    log.textContent = '';
    fullReplay = true;
    showPreChat();
  }

  function flush() {
    if (!ready()) { return; }
    state.outbox.forEach(function (m) { tx(m.file ? { type: 'msg', seq: m.seq, text: m.text, attachment: m.file.id } : { type: 'msg', seq: m.seq, text: m.text }); });
  }

  function connect() {
    clearTimeout(retryTimer);
    var q = '?token=' + encodeURIComponent(state.token) + '&after=' + (fullReplay ? 0 : state.lastAgentSeq) + (fullReplay ? '&full=1' : '');
    var ws;
    if (sse || !window.WebSocket) {
      /* Fallback where WebSockets fail: the same frames as an event stream; frames to the server are POSTed. */
      sse = true;
      ws = socket = new EventSource(api + '/events' + q);
      ws.onerror = function () { if (socket === ws) { ws.close(); ws.onclose({ code: 0 }); } };
    } else {
      ws = socket = new WebSocket(api.replace(/^http/, 'ws') + '/ws' + q);
      ws.onopen = function () { opened = true; };
    }
    ws.onmessage = function (e) {
      var f;
      try { f = JSON.parse(e.data); } catch (x) { return; }
      on(f, ws);
    };
    ws.onclose = function (e) {
      if (socket !== ws) { return; }
      socket = null;
      if (!sse && !opened) { sse = true; retry = 0; connect(); return; } /* the upgrade failed: a proxy in the way */
      if (state.ended) { return; }
      if (e.code === 1008 || e.code === 1009) { note('Connection closed: ' + (e.reason || 'refused')); }
      retry = Math.min(retry + 1, 6);
      if (retry > 1) { setStatus('Reconnecting\u2026'); }
      if (retry === 5 && !root.querySelector('.lost')) {
        var lost = el('button', 'primary lost', 'Start a new chat');
        lost.onclick = restart;
        body.appendChild(lost);
      }
      retryTimer = setTimeout(connect, Math.min(15000, 500 * Math.pow(2, retry)));
    };
  }

  function on(f, ws) {
    switch (f.type) {
      case 'hello':
        retry = 0;
        fullReplay = false;
        state.outbox = state.outbox.filter(function (m) { return m.seq > f.ackedSeq; });
        if (state.nextSeq <= f.ackedSeq) { state.nextSeq = f.ackedSeq + 1; }
        save();
        if (f.status !== 'ended') { state.outbox.forEach(function (m) { bubble('customer', null, m.text, m.seq, true, m.file); }); }
        flush();
        break;
      case 'msg':
        if (f.from === 'agent') {
          if (!isOpen() && f.seq > state.lastAgentSeq) { unread++; showUnread(); }
          bubble('agent', f.name, f.text, f.seq, false, f.attachment);
          if (f.seq > state.lastAgentSeq) { state.lastAgentSeq = f.seq; save(); }
          tx({ type: 'ack', seq: f.seq });
          typing.textContent = '';
        } else {
          bubble('customer', null, f.text, f.seq, false, f.attachment);
        }
        break;
      case 'ack':
        state.outbox = state.outbox.filter(function (m) { return m.seq > f.seq; });
        save();
        Array.prototype.forEach.call(log.querySelectorAll('.msg.customer.pending'), function (b) {
          if (Number(b.getAttribute('data-id').slice(9)) <= f.seq) { b.classList.remove('pending'); }
        });
        break;
      case 'refused':
        if (f.reason === 'attachment') {
          /* not this chat's file: drop it and close the gap it leaves */
          state.outbox = state.outbox.filter(function (m) { return m.seq !== f.seq; }).map(function (m) { if (m.seq > f.seq) { m.seq--; } return m; });
          state.nextSeq--;
          save();
        }
        if (f.reason === 'rate') { setTimeout(flush, Math.max(200, f.retryAfterMs)); setStatus('Slow down a little\u2026'); }
        break;
      case 'queued':
        setStatus('You are number ' + f.position + ' in the queue' + (f.waitSeconds != null ? ' (about ' + Math.max(1, Math.round(f.waitSeconds / 60)) + ' min)' : '') + '.');
        break;
      case 'joined':
        agentName = f.name;
        setStatus(f.name + ' has joined the chat.');
        break;
      case 'transferred':
        typing.textContent = '';
        note(agentName + ' transferred the chat.');
        setStatus('Transferring you to another agent\u2026');
        break;
      case 'typing':
        typing.textContent = f.on ? agentName + ' is typing\u2026' : '';
        clearTimeout(typingHide);
        if (f.on) { typingHide = setTimeout(function () { typing.textContent = ''; }, 8000); }
        break;
      case 'ended':
        if (!state.ended) {
          state.ended = true;
          state.outbox = [];
          save();
          setStatus('The chat has ended.');
          note(f.by === 'customer' ? 'You ended the chat.' : f.by === 'agent' ? agentName + ' ended the chat.' : 'The chat has ended.');
          showRating();
        }
        break;
      case 'rated':
        body.textContent = '';
        note('Thank you for your feedback!');
        var again = el('button', 'primary', 'Start a new chat');
        again.onclick = restart;
        body.appendChild(el('div', 'send')).appendChild(again);
        break;
    }
  }

  fetch(api + '/config', { credentials: 'omit' })
    .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
    .then(function (c) {
      config = c;
      host.style.setProperty('--c', /^#[0-9a-f]{6}$/i.test(c.colour) ? c.colour : '#1565c0');
      title.textContent = c.title;
      document.body.appendChild(host);
      if (state.token) {
        showChat();
        if (state.ended) { showRating(); }
        if (state.open) { toggle(true); }
        connect();
      } else {
        showPreChat();
      }
    })
    .catch(function () { /* widget key unknown or origin not allowed: stay invisible */ });
}());
