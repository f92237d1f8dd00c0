// The semantics tree: a screen reader cannot see the canvas, so every widget and text block the app
// drew has a transparent DOM node over its rectangle (explore-by-touch finds it under the finger),
// with a role, the label as drawn and its state — the way Flutter's web engine keeps a parallel tree.
// The records are those of the test hook's widgets() (src/ui/widgets.cpp), sent only when they
// change; nodes are updated in place, so focus stays where the reader is. Activating a node (a
// screen reader's double tap, Enter, Space) presses that widget in the app as a tap would.
'use strict';
(function () {
  const hook = window['digiready'];
  const root = document.getElementById('semantics');
  // Styles set here, not in style.css, so they cost nothing before the first frame: invisible nodes
  // exactly over what is drawn; fingers and the mouse go through to the canvas.
  root.style.cssText = 'position:fixed;inset:0;overflow:hidden;pointer-events:none;margin:0';
  const NODE = 'position:absolute;box-sizing:border-box;margin:0;overflow:hidden;color:transparent;font-size:1px;';
  // Keyboard focus and the option being read aloud are outlined where they are drawn.
  const outline = (el, on) => { el.style.outline = on ? '3px solid #e67800' : ''; el.style.outlineOffset = '-3px'; };
  root.addEventListener('focusout', (e) => outline(e.target, false));
  const nodes = new Map(); // record id (text blocks: kind and words) -> element
  const groups = new Map(); // radio group key -> element
  const ROLE = { button: 'button', row: 'button', option: 'radio', checkbox: 'checkbox', toggle: 'radio', text: 'textbox',
    number: 'textbox', heading: 'heading', alert: 'alert', status: 'status', paragraph: null };

  function activate(e) {
    const el = e.currentTarget;
    if (el.getAttribute('aria-disabled') === 'true') return;
    e.preventDefault();
    hook._activate(el.dataset.id);
  }
  // A reader moving onto a widget scrolled out of view brings it in, so what is said is on screen.
  root.addEventListener('focusin', (e) => {
    outline(e.target, true);
    const id = e.target.dataset && e.target.dataset.id;
    if (id && e.target.dataset.shown === '0') hook._activate(id, true);
  });
  function onKey(e) {
    if (e.key === 'Enter' || e.key === ' ') activate(e);
  }

  function make(r) {
    const el = document.createElement(r.kind === 'heading' ? 'h2' : 'div');
    el.style.cssText = NODE;
    el.dataset.id = r.id;
    el.dataset.kind = r.kind;
    const role = ROLE[r.kind];
    if (role && role !== 'heading') el.setAttribute('role', role);
    if (role && role !== 'heading' && role !== 'alert' && role !== 'status') {
      el.tabIndex = 0;
      el.addEventListener('click', activate);
      el.addEventListener('keydown', onKey);
    }
    return el;
  }

  // Options of one question in a radio group (toggles: a segmented switch); its name is the
  // heading above it.
  function groupFor(r, prev, heading) {
    if (r.kind !== 'option' && r.kind !== 'toggle') return null;
    const key = r.id.slice(0, r.id.lastIndexOf('.'));
    if (prev && prev.dataset.group === key) return prev;
    let g = groups.get(key);
    if (!g) {
      g = document.createElement('div');
      g.setAttribute('role', 'radiogroup');
      g.dataset.group = key;
      groups.set(key, g);
    }
    if (r.kind === 'option') set(g, 'aria-label', heading || null);
    return g;
  }

  function set(el, name, value) {
    if (value === null) { if (el.hasAttribute(name)) el.removeAttribute(name); }
    else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  function update(el, r, describedBy) {
    // A text box is named by its label and holds its value; everything else reads as drawn.
    const box = r.kind === 'text' || r.kind === 'number';
    set(el, 'aria-label', box ? r.label : null);
    const words = box ? r.value || '' : r.label;
    if (el.textContent !== words) el.textContent = words;
    el.dataset.shown = r.shown === false ? '0' : '1';
    const s = el.style;
    s.left = r.x + 'px'; s.top = r.y + 'px'; s.width = r.w + 'px'; s.height = r.h + 'px';
    set(el, 'aria-checked', r.checked === undefined ? null : String(r.checked));
    set(el, 'aria-disabled', r.enabled === false && ROLE[r.kind] === 'button' ? 'true' : null);
    set(el, 'aria-invalid', r.invalid ? 'true' : null);
    set(el, 'aria-describedby', describedBy);
    if (box) set(el, 'aria-multiline', r.multiline ? 'true' : null);
  }

  hook._semantics = function (json, lang) {
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    const records = JSON.parse(json).filter((r) => r.label);
    const seen = new Set();
    let prevGroup = null, heading = '';
    const order = [];
    records.forEach((r, i) => {
      if (r.kind === 'heading') heading = r.label;
      // Text blocks are numbered in drawing order; keyed by their words they keep their node
      // (and a reader's place) when something above them appears.
      const key = r.kind === 'paragraph' || r.kind === 'heading' || r.kind === 'alert' || r.kind === 'status'
        ? r.kind + ':' + r.label : r.id;
      if (seen.has(key)) return;
      seen.add(key);
      let el = nodes.get(key);
      if (!el || el.dataset.kind !== r.kind) { el = make(r); nodes.set(key, el); }
      // A refused answer: the field is invalid and described by the message that follows it.
      let described = null;
      if (r.invalid) {
        const msg = records.slice(i + 1).find((m) => m.kind === 'alert');
        if (msg) described = 'sem-' + (msg.kind + ':' + msg.label).replace(/[^\w]/g, '_').slice(0, 60);
      }
      if (r.kind === 'alert') el.id = 'sem-' + key.replace(/[^\w]/g, '_').slice(0, 60);
      update(el, r, described);
      const g = groupFor(r, prevGroup, heading);
      if (g) {
        if (g !== prevGroup) { order.push(g); prevGroup = g; }
        g.appendChild(el);
      } else {
        prevGroup = null;
        order.push(el);
      }
    });
    for (const [key, el] of nodes) if (!seen.has(key)) { el.remove(); nodes.delete(key); }
    for (const [key, g] of groups) if (!order.includes(g)) { g.remove(); groups.delete(key); }
    // Drawing order is reading and focus order; move only what is out of place.
    let at = root.firstChild;
    for (const el of order) {
      if (el === at) { at = at.nextSibling; continue; }
      root.insertBefore(el, at);
    }
    while (at) { const next = at.nextSibling; at.remove(); at = next; }
  };

  // --- Live region: the same words twice in a row must be said again (a refusal repeated), so
  // the text alternates with a trailing no-break space instead of staying unchanged.
  const live = document.getElementById('live');
  hook._announce = function (text) {
    live.textContent = live.textContent === text ? text + '\u00a0' : text;
  };

  // --- Read aloud: lines from the app (src/app/speech.cpp) in its language; the node of the option
  // being read is marked. A second press stops. Without a voice for the language, the app says how
  // to add one (the words are in the app's locale files).
  const synth = window.speechSynthesis;
  let marked = null;
  function mark(id) {
    if (marked) { marked.classList.remove('speaking'); outline(marked, false); }
    marked = id ? nodes.get(id) || null : null;
    if (marked) { marked.classList.add('speaking'); outline(marked, true); }
  }
  function voiceFor(lang) {
    const voices = synth.getVoices();
    const base = lang.slice(0, 2);
    return voices.find((v) => v.lang.replace('_', '-') === lang) ||
      voices.find((v) => v.lang.slice(0, 2) === base) || null;
  }
  // Voices load late on some phones: wait for them a moment before saying there are none.
  function withVoices(then) {
    if (synth.getVoices().length) { then(); return; }
    const t = setTimeout(then, 1500);
    synth.addEventListener('voiceschanged', () => { clearTimeout(t); then(); }, { once: true });
  }
  hook._speak = function (text) {
    if (!synth || !window.SpeechSynthesisUtterance) { hook._noVoice(); return; }
    if (synth.speaking || synth.pending) { synth.cancel(); mark(null); return; }
    const [lang, ...rest] = text.split('\x1f'); // lang, then line and mark pairs
    withVoices(() => {
      const voice = voiceFor(lang);
      if (!voice) { hook._noVoice(); return; }
      for (let i = 0; i < rest.length; i += 2) {
        const u = new SpeechSynthesisUtterance(rest[i]);
        u.lang = lang;
        u.voice = voice;
        u.onstart = () => mark(rest[i + 1]);
        if (i === rest.length - 2) u.onend = u.onerror = () => mark(null);
        synth.speak(u);
      }
    });
  };
})();
