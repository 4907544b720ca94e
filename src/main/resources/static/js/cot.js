// CoT default label page: shows the marking the form will save while classification and releasability change.
(function () {
  const form = document.getElementById('label-form');
  const preview = document.getElementById('label-preview');
  if (!form || !preview) {
    return;
  }
  function update() {
    const classification = form.querySelector('#classification').value;
    const entries = Array.from(form.querySelectorAll('input[name=releasableTo]:checked')).map(box => box.value);
    preview.value = entries.length ? classification + ' // REL TO ' + entries.join(', ') : classification + ' // —';
    form.querySelector('#label-save').disabled = entries.length === 0;
  }
  form.addEventListener('change', update);
  update();
})();
