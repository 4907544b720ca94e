// Forms that keep what was typed and speak plainly (issue 16).
//
// * A refused form comes back with every value it held: the node hands what was posted back to the page
//   (<div id="kept-form" data-action data-values data-field>, see platform.web.KeptForms) and this script puts it into
//   the form posted to that address, opens the <details> around it, and moves the refusal's message next to the field
//   it names (aria-invalid, aria-describedby, focus).
// * Irreversible acts ask first: a form or submit button with data-confirm="…" asks that question before it is sent.
// * A <select data-autosubmit> (the header's language switcher) sends its form when changed.
// * On a demo node's sign-in page, a demo account's name ([data-fill-username]) fills the username.
(function () {
  document.documentElement.classList.add('js');

  function pathOf(action) {
    return new URL(action || window.location.href, window.location.href).pathname;
  }

  function postedForms(action) {
    return Array.from(document.querySelectorAll('form')).filter(form =>
      (form.getAttribute('method') || 'get').toLowerCase() === 'post' && pathOf(form.getAttribute('action')) === action);
  }

  // A picker (templates/fragments/pickers.html) posts a hidden field; it is kept like any other field.
  const PICKED = '.duration-value, .datetime-value, .period-value, .user-value';

  function fieldsOf(form) {
    return Array.from(form.elements).filter(el => el.name && !el.disabled
      && (el.matches(PICKED) || !['hidden', 'submit', 'button', 'reset', 'file', 'password'].includes(el.type)));
  }

  // What the person types into for a field: a picker's own input for the hidden field it fills, else the field.
  function visibleOf(field) {
    const picker = field.matches(PICKED)
      && field.closest('[data-duration-picker], [data-datetime-picker], [data-period-picker], [data-user-picker]');
    return (picker && picker.querySelector('.duration-amount, .datetime-text, .period-amount, .user-search')) || field;
  }

  // The form the values came from: posted to the same address, and holding most of the fields that were sent.
  function keptForm(action, values) {
    let best = null;
    let bestScore = -1;
    postedForms(action).forEach(form => {
      const names = new Set(fieldsOf(form).map(el => el.name));
      const score = Object.keys(values).filter(name => names.has(name)).length;
      if (score > bestScore) { best = form; bestScore = score; }
    });
    return best;
  }

  function restore(form, values) {
    const seen = {};
    fieldsOf(form).forEach(el => {
      const given = values[el.name] || [];
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = given.includes(el.value);
      } else if (el.tagName === 'SELECT' && el.multiple) {
        Array.from(el.options).forEach(option => { option.selected = given.includes(option.value); });
      } else if (Object.prototype.hasOwnProperty.call(values, el.name)) {
        // Several inputs with one name take the values in order.
        const index = seen[el.name] || 0;
        seen[el.name] = index + 1;
        if (index < given.length) {
          if (el.tagName === 'SELECT' && !Array.from(el.options).some(o => o.value === given[index])) return;
          el.value = given[index];
        }
      }
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  function openAround(element) {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (parent.tagName === 'DETAILS') parent.open = true;
    }
  }

  // The page's message of the refusal: the alert nearest the form, else the first on the page.
  function alertFor(form) {
    const near = form.closest('article, details, .card, section');
    return (near && near.querySelector('[role=alert]')) || document.querySelector('main [role=alert]');
  }

  function showAtField(form, fieldName) {
    const alert = alertFor(form);
    const named = fieldName ? fieldsOf(form).find(el => el.name === fieldName) : null;
    const field = named ? visibleOf(named) : null;
    openAround(form);
    if (!field) {
      if (alert) alert.scrollIntoView({ block: 'center' });
      return;
    }
    field.setAttribute('aria-invalid', 'true');
    if (alert) {
      if (!alert.id) alert.id = 'error-' + fieldName.replace(/[^A-Za-z0-9_-]/g, '-');
      alert.classList.add('field-error');
      // After the input itself (or the label around a check box), so it is read with the field.
      const anchor = field.closest('label') && field.type === 'checkbox' ? field.closest('label') : field;
      anchor.insertAdjacentElement('afterend', alert);
      field.setAttribute('aria-describedby', alert.id);
    }
    // Focus the field once the page has settled: a redirect to "#section" moves focus to that section after
    // the page is parsed, and an autofocus input would take it too.
    document.querySelectorAll('[autofocus]').forEach(el => el.removeAttribute('autofocus'));
    const focusField = () => { field.focus(); field.scrollIntoView({ block: 'center' }); };
    focusField();
    if (document.readyState === 'complete') setTimeout(focusField, 0);
    else window.addEventListener('load', () => setTimeout(focusField, 0), { once: true });
  }

  function keep() {
    const kept = document.getElementById('kept-form');
    if (!kept) return;
    let values = {};
    try { values = JSON.parse(kept.dataset.values || '{}'); } catch (e) { return; }
    const form = keptForm(kept.dataset.action, values);
    if (!form) return;
    restore(form, values);
    showAtField(form, kept.dataset.field);
  }

  function confirmFirst(event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = event.submitter;
    const question = (submitter && submitter.dataset && submitter.dataset.confirm) || form.dataset.confirm;
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }

  // Capturing, so the question comes before htmx or any other handler sends the form.
  document.addEventListener('submit', confirmFirst, true);
  document.addEventListener('change', event => {
    const select = event.target;
    if (select instanceof HTMLSelectElement && select.hasAttribute('data-autosubmit') && select.form) {
      select.form.requestSubmit();
    }
  });
  // The demo node's sign-in page: a demo account's name fills the form.
  document.addEventListener('click', event => {
    const button = event.target.closest && event.target.closest('[data-fill-username]');
    const username = document.getElementById('username');
    if (!button || !username) return;
    username.value = button.dataset.fillUsername;
    const password = document.getElementById('password');
    if (password) password.focus();
  });
  document.addEventListener('DOMContentLoaded', keep);
})();
