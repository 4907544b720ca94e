// Keeps the header clock live: DTG (ddHHmmZmonyy) beside ISO 8601, both UTC.
(function () {
  const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  const pad = n => String(n).padStart(2, '0');
  function tick() {
    const now = new Date();
    const dtg = pad(now.getUTCDate()) + pad(now.getUTCHours()) + pad(now.getUTCMinutes()) + 'Z'
      + months[now.getUTCMonth()] + pad(now.getUTCFullYear() % 100);
    const iso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const dtgEl = document.getElementById('clock-dtg');
    const isoEl = document.getElementById('clock-iso');
    if (dtgEl) { dtgEl.textContent = dtg; dtgEl.setAttribute('datetime', iso); }
    if (isoEl) { isoEl.textContent = iso; isoEl.setAttribute('datetime', iso); }
  }
  document.addEventListener('DOMContentLoaded', () => { tick(); setInterval(tick, 1000); });
})();

// A page opened in an exercise context with ?exercise=<id> keeps it: every link and form of this node that leads
// elsewhere on the node carries the parameter on, so the user never drops into the real world by a click (ADR 0006).
// A context chosen for the session needs nothing: the node remembers it.
(function () {
  const exercise = new URLSearchParams(window.location.search).get('exercise');
  if (!exercise) return;
  function keep(root) {
    root.querySelectorAll('a[href]').forEach(a => {
      const url = new URL(a.getAttribute('href'), window.location.href);
      if (url.origin !== window.location.origin || url.searchParams.has('exercise')) return;
      url.searchParams.set('exercise', exercise);
      a.setAttribute('href', url.pathname + url.search + url.hash);
    });
    root.querySelectorAll('form').forEach(form => {
      const action = new URL(form.getAttribute('action') || window.location.href, window.location.href);
      // The context switcher chooses the context itself: its own "exercise" field must not be overridden.
      if (action.origin !== window.location.origin || form.hasAttribute('data-chooses-context')) return;
      if ((form.getAttribute('method') || 'get').toLowerCase() === 'get') {
        // A GET form replaces the action's query with its fields: the context goes in as a field.
        if (form.querySelector('input[name=exercise]')) return;
        const field = document.createElement('input');
        field.type = 'hidden';
        field.name = 'exercise';
        field.value = exercise;
        form.append(field);
        return;
      }
      if (action.searchParams.has('exercise')) return;
      action.searchParams.set('exercise', exercise);
      form.setAttribute('action', action.pathname + action.search);
    });
  }
  function keepData(root) {
    // What pages fetch by themselves (the inbox's stream and fragment) stays in the context too.
    ['stream', 'fragment'].forEach(name => root.querySelectorAll('[data-' + name + ']').forEach(el => {
      const url = new URL(el.dataset[name], window.location.href);
      if (url.origin !== window.location.origin) return;
      url.searchParams.set('exercise', exercise);
      el.dataset[name] = url.pathname + url.search;
    }));
  }
  document.addEventListener('DOMContentLoaded', () => { keep(document); keepData(document); });
  document.addEventListener('htmx:afterSwap', e => keep(e.target));
  // htmx requests (live fragments, forms posted by htmx) carry the context as a parameter.
  document.addEventListener('htmx:configRequest', e => { e.detail.parameters.exercise = exercise; });
})();

// Live counts beside navigation links (unacknowledged alerts): each badge's stream keeps its number, the tab's title
// starts with it ("(2) Map · Kalkan"), and a FLASH alert sounds a short cue unless the user switched it off
// (KalkanCue.enabled(), remembered in this browser). The signals carry counts only, never alert content.
(function () {
  const SOUND_KEY = 'kalkan.flashSound';
  const baseTitle = document.title;
  let context;

  const cue = {
    enabled() { return window.localStorage.getItem(SOUND_KEY) !== 'off'; },
    set(on) {
      window.localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
      document.dispatchEvent(new CustomEvent('kalkan:cue-setting', { detail: { on } }));
    },
    play() {
      document.body.dataset.flashCues = String(Number(document.body.dataset.flashCues || 0) + 1);
      if (!cue.enabled()) return;
      try {
        context = context || new (window.AudioContext || window.webkitAudioContext)();
        [0, 0.28].forEach(start => {
          const tone = context.createOscillator();
          const gain = context.createGain();
          tone.frequency.value = 880;
          gain.gain.setValueAtTime(0.18, context.currentTime + start);
          gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + start + 0.22);
          tone.connect(gain).connect(context.destination);
          tone.start(context.currentTime + start);
          tone.stop(context.currentTime + start + 0.24);
        });
        document.body.dataset.flashCueSounded = String(Number(document.body.dataset.flashCueSounded || 0) + 1);
      } catch (e) { /* no audio device: the badge and the title still say it */ }
    },
  };
  window.KalkanCue = cue;

  function show(link, count) {
    link.dataset.badge = String(count);
    link.setAttribute('aria-label', link.textContent.trim() + (count ? ' (' + count + ')' : ''));
    document.title = (count ? '(' + count + ') ' : '') + baseTitle;
    document.dispatchEvent(new CustomEvent('kalkan:badge', { detail: { path: link.getAttribute('href'), count } }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    const exercise = new URLSearchParams(window.location.search).get('exercise');
    document.querySelectorAll('a[data-badge-stream]').forEach(link => {
      show(link, Number(link.dataset.badge || 0));
      if (!window.EventSource) return;
      const url = new URL(link.dataset.badgeStream, window.location.href);
      if (exercise) url.searchParams.set('exercise', exercise);
      const source = new EventSource(url.pathname + url.search);
      source.addEventListener(link.dataset.badgeEvent || 'message', event => {
        const signal = JSON.parse(event.data);
        show(link, Number(signal.unacknowledged || 0));
        if (signal.flash) cue.play();
        document.dispatchEvent(new CustomEvent('kalkan:signal', { detail: { path: link.getAttribute('href'), signal } }));
      });
      source.addEventListener('open', () => { link.dataset.live = 'true'; });
    });
  });
})();
