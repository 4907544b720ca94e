// Council page: live countdown to the end of each silence procedure, in the node's time (not the browser's),
// and Ctrl+Enter to submit a statement. No inline scripts: the Content Security Policy allows only this file.
(function () {
  let offset = 0; // node time minus browser time, in ms
  const pad = n => String(n).padStart(2, '0');

  function sync() {
    const marked = document.querySelectorAll('[data-server-now]');
    if (marked.length) {
      offset = Date.parse(marked[marked.length - 1].dataset.serverNow) - Date.now();
    }
  }

  function format(ms) {
    const total = Math.floor(ms / 1000);
    const days = Math.floor(total / 86400);
    const clock = pad(Math.floor(total % 86400 / 3600)) + ':' + pad(Math.floor(total % 3600 / 60)) + ':'
      + pad(total % 60);
    return days > 0 ? days + 'd ' + clock : clock;
  }

  function tick() {
    const now = Date.now() + offset;
    document.querySelectorAll('[data-deadline]').forEach(el => {
      const left = Date.parse(el.dataset.deadline) - now;
      el.textContent = left > 0 ? format(left) : el.dataset.ended;
      el.classList.toggle('countdown-due', left <= 60000);
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    sync();
    tick();
    setInterval(tick, 250);
    document.querySelectorAll('.council-form textarea').forEach(area => {
      area.addEventListener('keydown', event => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          area.form.requestSubmit();
        }
      });
    });
  });
  // A decision that became final while the page was open takes no more positions or breaks: hide its forms.
  function retire() {
    document.querySelectorAll('.decision-live[data-final]').forEach(live => {
      const article = live.closest('article');
      if (article) {
        article.querySelectorAll('form.act, details').forEach(el => { el.hidden = true; });
      }
    });
  }

  document.addEventListener('htmx:afterSwap', () => { sync(); tick(); retire(); });
})();
