// Maps inside other pages, and picking from a map instead of typing (issue 16: "pick, never paste").
//
// * <div data-kalkan-map data-focus="id id…">: the incident or crisis page's map, its incidents highlighted and framed,
//   the other incidents the user may read around them.
// * <div data-incident-picker data-name="field" [data-multiple] [data-exclude="id"]> around a form's input: incidents
//   are searched by reference, title or category, or picked on a map in a dialog; the input (hidden) carries their ids
//   and the chosen ones show as chips with their reference and title — nobody types or sees an id.
// * <div data-location-picker data-lat="lat" data-lon="lon" [data-mgrs="mgrs"] | [data-pair="location"]> around a
//   form's position fields: "Pick on the map" opens the map; a click there fills the fields (degrees and MGRS).
(function () {
  'use strict';

  const text = key => KalkanMap.text(key);
  const escapeHtml = value => KalkanMap.escapeHtml(value);
  let incidentData = null;

  /** The incidents the user may read in this context (the map's own GeoJSON), fetched once per page. */
  function incidents() {
    if (!incidentData) {
      incidentData = fetch(KalkanMap.withContext('/map/incidents'), { headers: { Accept: 'application/geo+json' } })
        .then(r => r.json()).then(c => c.features);
    }
    return incidentData;
  }

  function incidentIcon(feature, extra) {
    const p = feature.properties;
    return KalkanMap.symbolIcon(p.sidc, { size: extra && extra.small ? 20 : 26, uniqueDesignation: p.exercise ? 'EXERCISE' : '' },
      'incident-symbol' + (extra && extra.className ? ' ' + extra.className : ''),
      'data-incident-id="' + escapeHtml(feature.id) + '" data-ref="' + escapeHtml(p.ref || '') + '"');
  }

  function describe(feature) {
    const p = feature.properties;
    return (p.ref ? p.ref + ' · ' : '') + p.title + ' · ' + text('category' + p.category) + ' · ' + p.lastObservedDtg;
  }

  function popupHtml(feature, action) {
    const p = feature.properties;
    return '<div class="popup"><div>' + KalkanMap.markingHtml(p) + '</div><strong>' + escapeHtml(p.ref ? p.ref + ' · ' : '')
      + escapeHtml(p.title) + '</strong><br>' + escapeHtml(text('category' + p.category)) + ' · '
      + escapeHtml(text('status' + p.status)) + ' · ' + escapeHtml(p.lastObservedDtg) + '<br>MGRS ' + escapeHtml(p.mgrs)
      + '<br>' + (action || '<a href="' + escapeHtml(KalkanMap.withContext('/incidents/' + encodeURIComponent(feature.id)))
      + '">' + escapeHtml(text('open')) + '</a>') + '</div>';
  }

  // ---------------------------------------------------------------- embedded maps (incident page, crisis room)

  function embedded(element) {
    const focus = new Set((element.dataset.focus || '').split(/\s+/).filter(Boolean));
    const view = KalkanMap.create(element, {});
    view.ready.then(incidents).then(features => {
      const bounds = [];
      features.forEach(f => {
        if (f.properties.status === 'CLOSED' && !focus.has(f.id)) return;
        const focused = focus.has(f.id);
        const [lon, lat] = f.geometry.coordinates;
        const marker = L.marker([lat, lon], {
          icon: incidentIcon(f, { small: !focused, className: focused ? 'focus' : 'context' }),
          title: describe(f), zIndexOffset: focused ? 1000 : 0,
        }).bindPopup(() => popupHtml(f));
        view.symbols.add(f.id, marker);
        if (focused) bounds.push([lat, lon]);
      });
      if (bounds.length === 1) view.map.setView(bounds[0], 7);
      else if (bounds.length > 1) view.map.fitBounds(bounds, { padding: [40, 40], maxZoom: 8 });
      view.symbols.settled().then(() => { element.dataset.ready = 'true'; });
    });
  }

  // ---------------------------------------------------------------- a map in a dialog

  function mapDialog(title, onReady, onClick) {
    const dialog = document.createElement('dialog');
    dialog.className = 'map-dialog';
    dialog.innerHTML = '<header><h2></h2><span class="picker-status" role="status"></span>'
      + '<button type="button" class="picker-done"></button></header><div class="picker-map"></div>';
    dialog.querySelector('h2').textContent = title;
    dialog.querySelector('.picker-done').textContent = text('done');
    document.body.append(dialog);
    dialog.showModal();
    const view = KalkanMap.create(dialog.querySelector('.picker-map'), { collapsedLayers: true, onClick });
    dialog.querySelector('.picker-done').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => { view.map.remove(); dialog.remove(); });
    window.requestAnimationFrame(() => view.map.invalidateSize());
    view.ready.then(() => onReady(view, dialog));
    return dialog;
  }

  /** The `count` points nearest (great-circle) to any of the given places. */
  function nearest(places, points, count) {
    const distance = (a, b) => L.latLng(a).distanceTo(L.latLng(b));
    return points.map(p => ({ p, d: Math.min(...places.map(q => distance(p, q))) }))
      .sort((x, y) => x.d - y.d).slice(0, count).map(x => x.p);
  }

  // ---------------------------------------------------------------- incident picker

  function incidentPicker(box) {
    const input = box.querySelector('input[name="' + box.dataset.name + '"]');
    if (!input) return;
    const multiple = box.hasAttribute('data-multiple');
    const exclude = new Set((box.dataset.exclude || '').split(/\s+/).filter(Boolean));
    const category = box.dataset.category; // merging: only incidents of the same category are valid choices
    const chosen = new Map(); // id -> feature
    input.type = 'hidden';
    input.removeAttribute('required');
    const required = box.hasAttribute('data-required');

    const search = document.createElement('input');
    search.type = 'search';
    search.className = 'picker-search';
    search.id = (input.id || input.name) + '-search';
    search.placeholder = text('searchIncidents');
    search.setAttribute('autocomplete', 'off');
    search.setAttribute('aria-label', text('searchIncidents'));
    const label = box.querySelector('label[for="' + input.id + '"]');
    if (label) label.htmlFor = search.id;
    const results = document.createElement('ul');
    results.className = 'picker-results';
    results.setAttribute('role', 'listbox');
    const onMap = document.createElement('button');
    onMap.type = 'button';
    onMap.className = 'picker-map-button';
    onMap.textContent = text('pickOnMap');
    const chips = document.createElement('ul');
    chips.className = 'chips picker-chosen';
    chips.setAttribute('aria-live', 'polite');
    const row = document.createElement('div');
    row.className = 'picker-row';
    row.append(search, onMap);
    input.after(row, results, chips);

    function sync() {
      input.value = Array.from(chosen.keys()).join(' ');
      chips.replaceChildren(...Array.from(chosen.values()).map(f => KalkanPickers.chip({ incidentId: f.id },
        (f.properties.ref ? f.properties.ref + ' · ' : '') + f.properties.title,
        text('remove') + ' ' + (f.properties.ref || f.properties.title), () => { chosen.delete(f.id); sync(); })));
      search.setCustomValidity(required && chosen.size === 0 ? text('chooseIncident') : '');
      box.dispatchEvent(new CustomEvent('picker:change', { bubbles: true }));
    }

    function choose(feature) {
      if (!multiple) chosen.clear();
      chosen.set(feature.id, feature);
      sync();
    }

    function candidates(features) {
      return features.filter(f => !exclude.has(f.id) && f.properties.status !== 'CLOSED'
        && (!category || f.properties.category === category));
    }

    KalkanPickers.searchable(search, results, words => incidents().then(features => candidates(features).filter(f => {
      const haystack = (describe(f) + ' ' + f.properties.category).toLowerCase();
      return words.every(w => haystack.includes(w));
    })), (f, button) => {
      button.dataset.incidentId = f.id;
      button.append(document.createRange().createContextualFragment(KalkanMap.markingHtml(f.properties)));
      button.append(document.createTextNode(' ' + describe(f)));
    }, choose, text('noMatch'));

    onMap.addEventListener('click', () => mapDialog(text('pickIncidentTitle'), (view, dialog) => {
      const status = dialog.querySelector('.picker-status');
      incidents().then(features => {
        const shown = candidates(features);
        const focus = [];
        const candidatePoints = [];
        // The record the choice is for (the page's incident): shown for orientation, not offered.
        features.filter(f => exclude.has(f.id)).forEach(f => {
          const [lon, lat] = f.geometry.coordinates;
          view.symbols.add(f.id, L.marker([lat, lon], { icon: incidentIcon(f, { className: 'focus' }), title: describe(f), zIndexOffset: 1000 })
            .bindPopup(() => popupHtml(f, '')));
          focus.push([lat, lon]);
        });
        shown.forEach(f => {
          const [lon, lat] = f.geometry.coordinates;
          const marker = L.marker([lat, lon], {
            icon: incidentIcon(f, { className: chosen.has(f.id) ? 'picked' : '' }), title: describe(f),
          });
          marker.bindPopup(() => {
            const content = document.createElement('div');
            content.innerHTML = popupHtml(f, '<button type="button" class="pick-incident">'
              + escapeHtml(text('pickIncident')) + '</button>');
            content.querySelector('.pick-incident').addEventListener('click', () => {
              choose(f);
              dialog.querySelectorAll('.incident-symbol.picked').forEach(el => {
                if (!chosen.has(el.querySelector('img').dataset.incidentId)) el.classList.remove('picked');
              });
              const element = marker.getElement();
              if (element) element.classList.add('picked');
              status.textContent = (f.properties.ref || f.properties.title) + ' — ' + text('picked');
              view.map.closePopup();
              if (!multiple) dialog.close();
            });
            return content;
          });
          view.symbols.add(f.id, marker);
          candidatePoints.push([lat, lon]);
        });
        // Framed on the record the choice is for and the candidates nearest to it (what one merges is usually
        // close by; the rest are a pan or a zoom away), or on every candidate when the choice is for no record.
        const around = focus.length ? nearest(focus, candidatePoints, 8).concat(focus) : candidatePoints;
        if (around.length > 1) view.map.fitBounds(around, { padding: [40, 40], maxZoom: 8, animate: false });
        else if (around.length === 1) view.map.setView(around[0], 8, { animate: false });
        view.symbols.settled().then(() => { dialog.dataset.ready = 'true'; });
      });
    }));

    // Values the page already holds (a form kept after an error): show them as chips.
    const initial = input.value.split(/[\s,]+/).filter(Boolean);
    if (initial.length) {
      incidents().then(features => {
        initial.forEach(v => {
          const f = features.find(x => x.id === v || x.properties.ref === v);
          if (f) chosen.set(f.id, f);
        });
        sync();
      });
    } else {
      sync();
    }
  }

  // ---------------------------------------------------------------- location picker

  function locationPicker(box) {
    const form = box.closest('form') || document;
    const field = name => name && form.querySelector('[name="' + name + '"]');
    const lat = field(box.dataset.lat);
    const lon = field(box.dataset.lon);
    const mgrs = field(box.dataset.mgrs);
    const pair = field(box.dataset.pair);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'picker-map-button location-pick';
    button.textContent = text('pickOnMap');
    box.append(button);

    function current() {
      if (pair) {
        const parts = pair.value.split(',').map(Number);
        return parts.length === 2 && parts.every(Number.isFinite) ? parts : null;
      }
      const a = Number(lat && lat.value), b = Number(lon && lon.value);
      return lat && lat.value && lon && lon.value && Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
    }

    function fill(position) {
      const la = Number(position.lat).toFixed(5), lo = Number(position.lon).toFixed(5);
      if (pair) pair.value = la + ',' + lo;
      if (lat) lat.value = la;
      if (lon) lon.value = lo;
      if (mgrs) mgrs.value = position.mgrs || '';
      [pair, lat, lon, mgrs].filter(Boolean).forEach(el => el.dispatchEvent(new Event('change', { bubbles: true })));
    }

    button.addEventListener('click', () => {
      const start = current();
      let marker = null;
      const dialog = mapDialog(text('pickLocationTitle'), view => {
        if (start) { marker = L.marker(start).addTo(view.map); view.map.setView(start, 8); }
        dialog.dataset.ready = 'true';
      }, (latlng, view) => {
        // A click on the map: a popup with the position and "Use this position".
        const la = latlng.lat, lo = L.Util.wrapNum(latlng.lng, [-180, 180], true);
        const content = document.createElement('div');
        content.className = 'popup map-click';
        content.innerHTML = '<strong>' + la.toFixed(5) + ', ' + lo.toFixed(5) + '</strong><br><span class="mgrs"></span><br>'
          + '<button type="button" class="use-position">' + escapeHtml(text('pickHere')) + '</button>';
        let known = { lat: la, lon: lo, mgrs: '' };
        view.position(la.toFixed(5), lo.toFixed(5)).then(p => {
          known = p;
          content.querySelector('.mgrs').textContent = 'MGRS ' + p.mgrs;
        });
        content.querySelector('.use-position').addEventListener('click', () => { fill(known); dialog.close(); });
        if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng).addTo(view.map);
        L.popup().setLatLng(latlng).setContent(content).openOn(view.map);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (!window.KalkanMap) return;
    document.querySelectorAll('[data-kalkan-map]').forEach(embedded);
    document.querySelectorAll('[data-incident-picker]').forEach(incidentPicker);
    document.querySelectorAll('[data-location-picker]').forEach(locationPicker);
  });
})();
