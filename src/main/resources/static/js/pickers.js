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

  /** ISO 8601 period → { amount, unit } in years (Y) when whole, else months (M); null when empty or with days. */
  function splitPeriod(iso) {
    const m = /^P(?:(\d+)Y)?(?:(\d+)M)?$/.exec((iso || '').trim().toUpperCase());
    if (!m || (!m[1] && !m[2])) return null;
    const months = (+(m[1] || 0)) * 12 + (+(m[2] || 0));
    return months % 12 === 0 && months > 0 ? { amount: months / 12, unit: 'Y' } : { amount: months, unit: 'M' };
  }

  function joinPeriod(amount, unit) {
    const n = parseInt(amount, 10);
    if (!Number.isFinite(n) || n < 0) return '';
    return 'P' + n + (unit === 'Y' ? 'Y' : 'M');
  }

  function periodPicker(box) {
    const amount = box.querySelector('.period-amount');
    const unit = box.querySelector('.period-unit');
    const hidden = box.querySelector('.period-value');
    const show = iso => {
      const p = splitPeriod(iso);
      if (p) { amount.value = p.amount; unit.value = p.unit; }
    };
    show(hidden.value);
    const sync = () => { hidden.value = joinPeriod(amount.value, unit.value); };
    hidden.addEventListener('change', () => show(hidden.value));
    amount.addEventListener('input', sync);
    unit.addEventListener('change', sync);
    sync();
  }

  // ---- searching and choosing records as chips (the people picker here, the incident picker in map-pickers.js)

  /** A chosen record as a chip: its text and a button that removes it. */
  function chip(data, label, removeLabel, onRemove) {
    const li = document.createElement('li');
    li.className = 'chip';
    Object.assign(li.dataset, data);
    li.append(document.createTextNode(label + ' '));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'chip-remove';
    remove.setAttribute('aria-label', removeLabel);
    remove.textContent = '×';
    remove.addEventListener('click', onRemove);
    li.append(remove);
    return li;
  }

  /**
   * A search field offering what matches as buttons under it: typing (or focusing) asks find(words) for the
   * records (a promise), render(record, button) fills each button, a click (or Enter: the first) chooses one.
   */
  function searchable(search, results, find, render, onChoose, none) {
    function list() {
      const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      find(words).then(found => {
        results.replaceChildren(...found.slice(0, 8).map(record => {
          const li = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'picker-result';
          button.setAttribute('role', 'option');
          render(record, button);
          button.addEventListener('click', () => { onChoose(record); results.replaceChildren(); search.value = ''; });
          li.append(button);
          return li;
        }));
        if (!found.length && words.length) {
          const li = document.createElement('li');
          li.className = 'notice';
          li.textContent = none;
          results.append(li);
        }
      });
    }
    search.addEventListener('input', list);
    search.addEventListener('focus', list);
    search.addEventListener('keydown', e => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const first = results.querySelector('button');
        if (first) first.click();
      }
    });
  }

  /** The enabled accounts one may pick (username, name, nation, roles by their names), fetched once per page. */
  let people = null;
  function directory() {
    if (!people) {
      people = fetch('/users/choices', { headers: { Accept: 'application/json' } })
        .then(r => (r.ok ? r.json() : []));
    }
    return people;
  }

  function userPicker(box) {
    const search = box.querySelector('.user-search');
    const results = box.querySelector('.picker-results');
    const chips = box.querySelector('.picker-chosen');
    const hidden = box.querySelector('.user-value');
    const multiple = box.dataset.multiple !== 'false';
    const required = hidden.dataset.required === 'true';
    const chosen = new Map(); // username -> person
    const said = p => p.name + ' (' + p.username + ') · ' + p.nation;

    function sync() {
      hidden.value = Array.from(chosen.keys()).join(', ');
      chips.replaceChildren(...Array.from(chosen.values()).map(p => {
        const li = chip({ username: p.username }, said(p), box.dataset.remove + ' ' + p.name,
          () => { chosen.delete(p.username); sync(); });
        li.title = p.roles.join(', ');
        return li;
      }));
      search.setCustomValidity(required && chosen.size === 0 ? box.dataset.none : '');
    }

    function choose(p) {
      if (!multiple) chosen.clear();
      chosen.set(p.username, p);
      sync();
    }

    function showKept() {
      const kept = hidden.value.split(/[\s,]+/).filter(Boolean);
      chosen.clear();
      if (!kept.length) { sync(); return; }
      directory().then(all => {
        kept.forEach(u => {
          const p = all.find(x => x.username === u);
          if (p) chosen.set(p.username, p);
        });
        sync();
      });
    }

    searchable(search, results, words => directory().then(all => all.filter(p => !chosen.has(p.username))
      .filter(p => {
        const haystack = (said(p) + ' ' + p.roles.join(' ')).toLowerCase();
        return words.every(w => haystack.includes(w));
      })), (p, button) => {
      button.dataset.username = p.username;
      button.textContent = said(p) + ' — ' + p.roles.join(', ');
    }, choose, box.dataset.none);
    // A refused form puts back what was posted (js/forms.js): show it as chips.
    hidden.addEventListener('change', showKept);
    showKept();
  }

  window.KalkanPickers = { splitDuration, joinDuration, splitPeriod, joinPeriod, parseTime, dtg, chip, searchable };
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-duration-picker]').forEach(durationPicker);
    document.querySelectorAll('[data-datetime-picker]').forEach(datetimePicker);
    document.querySelectorAll('[data-period-picker]').forEach(periodPicker);
    document.querySelectorAll('[data-user-picker]').forEach(userPicker);
  });
})();
