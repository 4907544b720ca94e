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
