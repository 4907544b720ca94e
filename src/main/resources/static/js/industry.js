// Industry dashboard charts with Chart.js (served by the node from npm, no CDN). The series come from the page's
// data attributes (JSON written by the server); no inline script, so the CSP allows only 'self'.
(function () {
  'use strict';

  function series(canvas) {
    return JSON.parse(canvas.dataset.series);
  }

  function money(value) {
    return Number(value).toLocaleString(undefined, { maximumFractionDigits: 0 });
  }

  function sCurve() {
    const canvas = document.getElementById('s-curve');
    if (!canvas || !window.Chart) {
      return;
    }
    const s = series(canvas);
    const line = (label, data, colour, dash) => ({
      label: label, data: data, borderColor: colour, backgroundColor: colour, borderWidth: 2,
      borderDash: dash || [], pointRadius: 2, tension: 0, spanGaps: false
    });
    canvas.chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: s.labels,
        datasets: [line(canvas.dataset.pv, s.pv, '#1d4ed8', [6, 4]), line(canvas.dataset.ev, s.ev, '#15803d'),
          line(canvas.dataset.ac, s.ac, '#b91c1c')]
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { callback: money } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function workShare() {
    const canvas = document.getElementById('work-share');
    if (!canvas || !window.Chart) {
      return;
    }
    const s = series(canvas);
    canvas.chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: s.labels,
        datasets: [
          { label: canvas.dataset.cost, data: s.costShare, backgroundColor: '#94a3b8' },
          { label: canvas.dataset.work, data: s.workShare, backgroundColor: '#1d4ed8' },
          { label: canvas.dataset.earned, data: s.earnedShare, backgroundColor: '#15803d' }
        ]
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { callback: (v) => v + ' %' } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  sCurve();
  workShare();
}());
