// The marking component for views built by script (map popups, live lists): the same element as the server's
// templates/fragments/marking.html, so every marking on every page looks and reads the same.
//
//   KalkanMarking.element(label, exercise) -> <span class="marking marking-secret [marking-exercise]">
//   KalkanMarking.html(label, exercise)    -> the same element as an HTML string (for Leaflet's bindPopup)
//   KalkanMarking.text(label, exercise)    -> "EXERCISE · SECRET // REL TO AZE, TUR"
//
// label is what the API and the map's GeoJSON give: {classification, releasableTo, marking} or feature properties
// {classification, marking}; exercise is true for a record of an exercise (the map's `exercise` property).
(function () {
  const CLASSIFICATIONS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];

  function classificationOf(label) {
    const name = String((label && label.classification) || '').toUpperCase();
    // An unknown classification gets no colour class: the base style is dark, never white on white.
    return CLASSIFICATIONS.includes(name) ? name : '';
  }

  function markingOf(label) {
    if (label && label.marking) return String(label.marking);
    const releasable = (label && label.releasableTo) || [];
    const classification = (label && label.classification) || 'UNMARKED';
    return releasable.length ? classification + ' // REL TO ' + releasable.join(', ') : String(classification);
  }

  function text(label, exercise) {
    return (exercise ? 'EXERCISE · ' : '') + markingOf(label);
  }

  function element(label, exercise) {
    const span = document.createElement('span');
    const classification = classificationOf(label);
    span.className = 'marking' + (classification ? ' marking-' + classification.toLowerCase() : '')
      + (exercise ? ' marking-exercise' : '');
    if (classification) span.dataset.classification = classification;
    span.textContent = text(label, exercise);
    return span;
  }

  function html(label, exercise) {
    return element(label, exercise).outerHTML;
  }

  window.KalkanMarking = { element, html, text };
})();
