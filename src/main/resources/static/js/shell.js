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
