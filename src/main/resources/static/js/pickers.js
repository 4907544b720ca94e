// Pickers (templates/fragments/pickers.html): people pick durations and type times as they say them; the hidden field
// carries what the API takes (ISO 8601). Pure functions are on window.KalkanPickers for the browser tests.
(function () {
  'use strict';

  const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  const pad = n => String(n).padStart(2, '0');

  /** ISO 8601 duration → { amount, unit } in the largest whole unit of M, H, D; null when empty or not whole. */
  function splitDuration(iso) {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec((iso || '').trim().toUpperCase());
    if (!m || iso.trim().toUpperCase() === 'P') return null;
    const minutes = (+(m[1] || 0)) * 1440 + (+(m[2] || 0)) * 60 + (+(m[3] || 0)) + Math.floor((+(m[4] || 0)) / 60);
    if (minutes < 0) return null;
    if (minutes === 0) return { amount: 0, unit: 'M' };
    if (minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'D' };
    if (minutes % 60 === 0) return { amount: minutes / 60, unit: 'H' };
    return { amount: minutes, unit: 'M' };
  }

  function joinDuration(amount, unit) {
    const n = parseInt(amount, 10);
    if (!Number.isFinite(n) || n < 0) return '';
    if (n === 0) return 'PT0S';
    return unit === 'D' ? 'P' + n + 'D' : 'PT' + n + unit;
  }

  /** A UTC time typed as 2026-12-04 18:30 (T, seconds, Z optional) or as a DTG 041830ZDEC26 → Date, or null. */
  function parseTime(text) {
    const value = (text || '').trim().toUpperCase();
    let m = /^(\d{2})(\d{2})(\d{2})Z([A-Z]{3})(\d{2}|\d{4})$/.exec(value);
    if (m) {
      const month = MONTHS.indexOf(m[4]);
      const year = m[5].length === 2 ? 2000 + (+m[5]) : +m[5];
      return valid(year, month, +m[1], +m[2], +m[3], 0);
    }
    m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]+)(\d{1,2}):?(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?$/.exec(value);
    if (m) return valid(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
    return null;
  }

  function valid(year, month, day, hour, minute, second) {
    if (month < 0 || hour > 23 || minute > 59 || second > 59) return null;
    const date = new Date(Date.UTC(year, month, day, hour, minute, second));
    return date.getUTCDate() === day && date.getUTCMonth() === month ? date : null;
  }

  function dtg(date) {
    return pad(date.getUTCDate()) + pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + 'Z'
      + MONTHS[date.getUTCMonth()] + pad(date.getUTCFullYear() % 100);
  }

  function human(date) {
    return date.getUTCFullYear() + '-' + pad(date.getUTCMonth() + 1) + '-' + pad(date.getUTCDate()) + ' '
      + pad(date.getUTCHours()) + ':' + pad(date.getUTCMinutes());
  }

  function wire(date, format) {
    const local = date.getUTCFullYear() + '-' + pad(date.getUTCMonth() + 1) + '-' + pad(date.getUTCDate()) + 'T'
      + pad(date.getUTCHours()) + ':' + pad(date.getUTCMinutes());
    return format === 'local' ? local : local + ':' + pad(date.getUTCSeconds()) + 'Z';
  }

  function durationPicker(box) {
    const amount = box.querySelector('.duration-amount');
    const unit = box.querySelector('.duration-unit');
    const hidden = box.querySelector('.duration-value');
    const initial = splitDuration(hidden.value);
    if (initial) {
      amount.value = initial.amount;
      unit.value = initial.unit;
    }
    const sync = () => { hidden.value = joinDuration(amount.value, unit.value); };
    // A refused form puts back what was posted (js/forms.js): show it in the picker.
    hidden.addEventListener('change', () => {
      const kept = splitDuration(hidden.value);
      if (kept) { amount.value = kept.amount; unit.value = kept.unit; }
    });
    amount.addEventListener('input', sync);
    unit.addEventListener('change', sync);
    sync();
  }

  function datetimePicker(box) {
    const text = box.querySelector('.datetime-text');
    const hidden = box.querySelector('.datetime-value');
    const echo = box.querySelector('.datetime-echo');
    const invalid = box.querySelector('.datetime-invalid').textContent;
    const format = box.dataset.format || 'instant';
    const initial = hidden.value ? parseTime(hidden.value) : null;
    if (initial) text.value = human(initial);
    const sync = () => {
      const date = parseTime(text.value);
      hidden.value = date ? wire(date, format) : '';
      echo.textContent = date ? dtg(date) + ' · ' + human(date) + ' UTC' : '';
      text.setCustomValidity(text.value.trim() && !date ? invalid : '');
    };
    hidden.addEventListener('change', () => {
      const kept = hidden.value ? parseTime(hidden.value) : null;
      if (kept) { text.value = human(kept); sync(); }
    });
    text.addEventListener('input', sync);
    text.addEventListener('change', () => {
      const date = parseTime(text.value);
      if (date) text.value = human(date);
    });
    sync();
  }

  window.KalkanPickers = { splitDuration, joinDuration, parseTime, dtg };
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-duration-picker]').forEach(durationPicker);
    document.querySelectorAll('[data-datetime-picker]').forEach(datetimePicker);
  });
})();
