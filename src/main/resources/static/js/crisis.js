// Crisis pages: Enter submits a one-line-ish textarea (Shift+Enter for a new line), and after htmx swaps a
// section in, focus returns to its first field so keyboard users can keep typing.
(function () {
  document.addEventListener('keydown', event => {
    const field = event.target;
    if (event.key === 'Enter' && !event.shiftKey && field.matches && field.matches('textarea[data-submit-on-enter]')) {
      event.preventDefault();
      if (field.form && field.value.trim() !== '') {
        field.form.requestSubmit();
      }
    }
  });
  document.addEventListener('htmx:afterSwap', event => {
    const first = event.detail.target && event.detail.target.querySelector('textarea[data-submit-on-enter]');
    if (first && event.detail.requestConfig && event.detail.requestConfig.verb === 'post') {
      first.focus();
    }
  });
})();
