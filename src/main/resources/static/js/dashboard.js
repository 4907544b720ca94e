// The dashboard keeps itself current: the node's stream (/dashboard/stream) names a panel that changed and the page
// fetches that panel again (its content comes through the access policy, never through the stream); the alerts panel
// also follows the shell's alert signals. Countdowns to deadlines and the exercise clock tick in the page.
(function () {
  'use strict';
  const LEVELS = ['unclassified', 'restricted', 'confidential', 'secret'];
  let root;

  function text(key) { return root.dataset['text' + key] || key; }

  function span(ms) {
    const minutes = Math.max(0, Math.round(Math.abs(ms) / 60000));
    if (minutes < 120) return minutes + ' ' + text('Min');
    const hours = Math.round(minutes / 60);
    if (hours < 48) return hours + ' ' + text('H');
    return Math.round(hours / 24) + ' ' + text('D');
  }

  function tick() {
    const now = Date.now();
    root.querySelectorAll('[data-deadline]').forEach(el => {
      const left = new Date(el.dataset.deadline).getTime() - now;
      el.textContent = '(' + (left >= 0 ? text('In') : text('Overdue')).replace('{0}', span(left)) + ')';
      el.classList.toggle('late', left < 0);
    });
    root.querySelectorAll('.exercise-clock').forEach(el => {
      const running = el.dataset.running === 'true';
      const elapsed = Number(el.dataset.elapsedMs) + (running ? (now - new Date(el.dataset.at).getTime()) * Number(el.dataset.rate) : 0);
      const minutes = Math.max(0, Math.floor(elapsed / 60000));
      const days = Math.floor(minutes / 1440);
      const pad = n => String(n).padStart(2, '0');
      el.querySelector('.t-plus').textContent = 'T+' + (days ? days + 'd ' : '') + pad(Math.floor(minutes / 60) % 24)
        + ':' + pad(minutes % 60);
    });
  }

  /** The banners carry the highest classification on the page, also of what a refreshed panel shows. */
  function raiseBanner(panel) {
    const cssClass = panel.dataset.bannerClass;
    if (!cssClass) return;
    const level = LEVELS.indexOf(cssClass.replace('banner-', ''));
    document.querySelectorAll('.banner').forEach(banner => {
      const current = LEVELS.findIndex(l => banner.classList.contains('banner-' + l));
      if (level > current) {
        LEVELS.forEach(l => banner.classList.remove('banner-' + l));
        banner.classList.add(cssClass);
        banner.textContent = panel.dataset.banner;
      }
    });
  }

  const loading = {};
  function refresh(name) {
    const panel = document.getElementById('panel-' + name);
    if (!panel) return;
    if (loading[name]) { loading[name] = 'again'; return; }
    loading[name] = true;
    const url = new URL(root.dataset.panelsUrl + name, window.location.href);
    const exercise = new URLSearchParams(window.location.search).get('exercise');
    if (exercise) url.searchParams.set('exercise', exercise);
    fetch(url.pathname + url.search, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(r => r.ok ? r.text() : Promise.reject(new Error(String(r.status))))
      .then(html => {
        const fresh = document.createRange().createContextualFragment(html).firstElementChild;
        if (!fresh) return;
        panel.replaceWith(fresh);
        fresh.classList.add('updated');
        fresh.dataset.refreshed = String(Number(panel.dataset.refreshed || 0) + 1);
        raiseBanner(fresh);
        tick();
      })
      .catch(() => { /* the next signal or the reconnection tries again */ })
      .finally(() => {
        const again = loading[name] === 'again';
        loading[name] = false;
        if (again) refresh(name);
      });
  }

  function live() {
    const status = document.getElementById('dashboard-status');
    const url = new URL(root.dataset.stream, window.location.href);
    const exercise = new URLSearchParams(window.location.search).get('exercise');
    if (exercise) url.searchParams.set('exercise', exercise);
    const source = new EventSource(url.pathname + url.search);
    let connectedBefore = false;
    source.addEventListener('ready', () => {
      status.textContent = status.dataset.live || status.textContent;
      status.classList.add('on');
      root.dataset.live = 'true';
      // After a reconnection signals may have been missed: fetch every panel again.
      if (connectedBefore) root.querySelectorAll('[data-panel]').forEach(p => refresh(p.dataset.panel));
      connectedBefore = true;
    });
    source.addEventListener('panel', e => refresh(e.data));
    source.onerror = () => { status.classList.remove('on'); root.dataset.live = 'false'; };
    // The shell's alert signals (badge) also say when the alerts panel changed.
    document.addEventListener('kalkan:signal', e => { if (e.detail.path.endsWith('/alerts')) refresh('alerts'); });
    // Panels whose changes have no signal (tasks added, the exercise clock) are fetched every data-poll seconds.
    root.querySelectorAll('[data-panel][data-poll]').forEach(p => {
      const name = p.dataset.panel;
      window.setInterval(() => refresh(name), Number(p.dataset.poll) * 1000);
    });
  }

  function soundToggle() {
    const button = document.getElementById('flash-sound');
    if (!button || !window.KalkanCue) return;
    const show = () => {
      const on = window.KalkanCue.enabled();
      button.setAttribute('aria-pressed', String(on));
      button.textContent = on ? button.dataset.on : button.dataset.off;
    };
    button.addEventListener('click', () => { window.KalkanCue.set(!window.KalkanCue.enabled()); show(); });
    show();
  }

  document.addEventListener('DOMContentLoaded', () => {
    root = document.getElementById('dashboard');
    if (!root) return;
    const status = document.getElementById('dashboard-status');
    status.dataset.live = root.dataset.textLive || 'live';
    tick();
    window.setInterval(tick, 15000);
    live();
    soundToggle();
  });
})();
