// The common operational picture: the shared map (map-core.js: basemap, alert shading, reference layers, grid,
// legend), incidents as APP-6 symbols (milsymbol), tracks from TAK clients, filters, and live updates from the node's
// Server-Sent Events stream.
(function () {
  'use strict';
  let view;
  let map;
  let section;
  const markers = new Map(); // incident id -> { marker, feature }
  const tracks = new Map(); // track uid -> { marker, feature }, from TAK clients; removed when stale
  const areas = new Map(); // incident id -> Leaflet layer of its reports' areas (CAP polygons, drawn areas)
  const AREA_STYLE = { color: '#b91c1c', weight: 2, fillColor: '#f87171', fillOpacity: 0.2 };

  function text(key) { return KalkanMap.text(key); }
  const withContext = (path, params) => KalkanMap.withContext(path, params);
  const escapeHtml = value => KalkanMap.escapeHtml(value);
  const symbolIcon = (sidc, options, className, attributes) => KalkanMap.symbolIcon(sidc, options, className, attributes);

  function windowStart() {
    const value = document.getElementById('time-window').value;
    if (!value) return null;
    const hours = { PT24H: 24, P7D: 24 * 7, P30D: 24 * 30 }[value];
    return new Date(Date.now() - hours * 3600 * 1000);
  }

  function selectedCategories() {
    return new Set(Array.from(document.querySelectorAll('input[name=category]:checked')).map(i => i.value));
  }

  function visible(feature) {
    const start = windowStart();
    if (start && new Date(feature.properties.lastObservedAt) < start) return false;
    return selectedCategories().has(feature.properties.category);
  }

  function icon(feature) {
    const p = feature.properties;
    return symbolIcon(p.sidc, { size: 26, uniqueDesignation: p.exercise ? 'EXERCISE' : '' }, 'incident-symbol',
      'data-incident-id="' + escapeHtml(feature.id) + '" data-sidc="' + escapeHtml(p.sidc)
      + '" data-classification="' + escapeHtml(p.classification) + '"');
  }

  function popup(feature) {
    const p = feature.properties;
    return '<div class="popup"><div>' + KalkanMap.markingHtml(p) + '</div><strong>'
      + (p.ref ? escapeHtml(p.ref) + ' · ' : '') + escapeHtml(p.title) + '</strong><br>'
      + escapeHtml(text('category' + p.category)) + ' · ' + escapeHtml(text('status' + p.status)) + ' · '
      + text('severity') + ' ' + escapeHtml(p.severity) + ' · ' + text('reports') + ' ' + escapeHtml(p.reportCount) + '<br>'
      + text('observed') + ' <b>' + escapeHtml(p.lastObservedDtg) + '</b> (' + escapeHtml(p.lastObservedAt) + ')<br>'
      + 'MGRS ' + escapeHtml(p.mgrs) + '<br><a href="' + escapeHtml(withContext('/incidents/' + encodeURIComponent(feature.id)))
      + '">' + text('open') + '</a></div>';
  }

  function upsert(feature, fresh) {
    if (markers.has(feature.id)) {
      view.symbols.remove(feature.id);
      markers.delete(feature.id);
    }
    if (!visible(feature) || feature.properties.status === 'CLOSED') {
      render();
      return;
    }
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.marker([lat, lon], { icon: icon(feature), keyboard: true, title: feature.properties.title })
      .bindPopup(() => popup(feature));
    view.symbols.add(feature.id, marker);
    if (fresh) {
      const element = marker.getElement();
      if (element) element.classList.add('fresh');
    }
    markers.set(feature.id, { marker, feature });
    render();
  }

  function removeIncident(id) {
    if (markers.has(id)) {
      view.symbols.remove(id);
      markers.delete(id);
      removeAreas(id);
      render();
    }
  }

  function removeAreas(incidentId) {
    const layer = areas.get(incidentId);
    if (layer) {
      map.removeLayer(layer);
      areas.delete(incidentId);
    }
  }

  /** Draws the areas of incidents shown on the map; an incident that is not shown has none drawn. */
  function drawAreas(collection, onlyIncident) {
    const byIncident = new Map();
    collection.features.forEach(f => {
      const id = f.properties.incidentId;
      if (!byIncident.has(id)) byIncident.set(id, []);
      byIncident.get(id).push(f);
    });
    if (onlyIncident) removeAreas(onlyIncident);
    byIncident.forEach((features, id) => {
      removeAreas(id);
      if (!markers.has(id)) return;
      const layer = L.geoJSON({ type: 'FeatureCollection', features }, {
        style: () => AREA_STYLE,
        pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 5, color: AREA_STYLE.color }),
        onEachFeature: (f, l) => l.bindTooltip(escapeHtml(f.properties.marking)),
      });
      layer.addTo(map);
      layer.eachLayer(l => {
        const element = l.getElement && l.getElement();
        if (element) element.classList.add('report-area');
      });
      areas.set(id, layer);
    });
    document.body.dataset.areas = String(areas.size);
  }

  function reloadAreas(incidentId) {
    const url = incidentId ? withContext('/map/incidents/' + encodeURIComponent(incidentId) + '/areas')
      : withContext(section.dataset.areasUrl);
    return fetch(url, { headers: { Accept: 'application/geo+json' } })
      .then(r => r.json())
      .then(collection => {
        if (!incidentId) Array.from(areas.keys()).forEach(removeAreas);
        drawAreas(collection, incidentId);
      });
  }

  function trackIcon(feature) {
    const p = feature.properties;
    // Exercise tracks come with the exercise context in their symbol code; a plain marker gets it here.
    const sidc = p.sidc || (p.exercise ? 'SWGP-----------' : 'SUGP-----------');
    return symbolIcon(sidc, { size: 22, uniqueDesignation: p.callsign, additionalInformation: p.exercise ? 'EXERCISE' : '' },
      'track-symbol', 'data-track-uid="' + escapeHtml(feature.id) + '" data-sidc="' + escapeHtml(sidc)
      + '" data-classification="' + escapeHtml(p.classification) + '"');
  }

  function trackPopup(feature) {
    const p = feature.properties;
    return '<div class="popup"><div>' + KalkanMap.markingHtml(p) + '</div><strong>' + escapeHtml(p.callsign)
      + '</strong><br>' + escapeHtml(p.type) + '<br>' + escapeHtml(p.time) + '</div>';
  }

  function removeTrack(uid) {
    if (tracks.has(uid)) {
      view.symbols.remove('track:' + uid);
      tracks.delete(uid);
    }
  }

  function upsertTrack(feature) {
    removeTrack(feature.id);
    if (new Date(feature.properties.stale) <= new Date()) return;
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.marker([lat, lon], { icon: trackIcon(feature), keyboard: true, title: feature.properties.callsign })
      .bindPopup(() => trackPopup(feature));
    view.symbols.add('track:' + feature.id, marker);
    tracks.set(feature.id, { marker, feature });
    raiseBanner();
  }

  function reloadTracks() {
    return fetch(withContext(section.dataset.tracksUrl), { headers: { Accept: 'application/geo+json' } })
      .then(r => r.json())
      .then(collection => collection.features.forEach(upsertTrack));
  }

  const LEVELS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];
  let pageLevel = 0;
  let pageReleasable = null;

  /** The REL TO entries of a marking ("SECRET // REL TO AZE, TUR" → [AZE, TUR]); null when it names none. */
  function releasableOf(marking) {
    const at = String(marking || '').indexOf('REL TO ');
    return at < 0 ? null : String(marking).slice(at + 7).split(',').map(s => s.trim()).filter(Boolean);
  }

  /** The communities the node knows (name → nations), from the page (map.html #map-communities). */
  function communities() {
    const known = new Map();
    document.querySelectorAll('#map-communities [data-community]').forEach(el => {
      known.set(el.dataset.community, (el.dataset.nations || '').split(/\s+/).filter(Boolean));
    });
    return known;
  }

  /**
   * What every releasability list allows, as the server's banner says it (platform.PageMarking.common): the lists'
   * own entries when they all name the same; otherwise the nations each of them reaches — communities expanded to
   * their nations — named by the communities among the entries lying wholly inside that set (largest first), then
   * the remaining nations; sorted. Empty when nothing is common.
   */
  function commonReleasability(lists, known) {
    if (!lists.length) return [];
    const same = lists.every(l => l.length === lists[0].length && l.every(e => lists[0].includes(e)));
    if (same) return lists[0].slice().sort();
    const expand = list => new Set(list.flatMap(e => (known.has(e) ? known.get(e) : [e])));
    let reach = expand(lists[0]);
    lists.forEach(l => { const own = expand(l); reach = new Set([...reach].filter(n => own.has(n))); });
    const entries = new Set(lists.flat());
    const named = [];
    const covered = new Set();
    [...entries].filter(e => known.has(e) && known.get(e).length && known.get(e).every(n => reach.has(n)))
      .sort((a, b) => known.get(b).length - known.get(a).length || (a < b ? -1 : a > b ? 1 : 0))
      .forEach(c => {
        if (!known.get(c).every(n => covered.has(n))) {
          named.push(c);
          known.get(c).forEach(n => covered.add(n));
        }
      });
    [...reach].filter(n => !covered.has(n)).forEach(n => named.push(n));
    return named.sort();
  }

  /**
   * The banners carry the highest classification on the page, including what arrived live, and the releasability
   * common to everything on it (as the server's banner does): only the classification when nothing is common.
   */
  function raiseBanner() {
    const features = Array.from(markers.values()).concat(Array.from(tracks.values())).map(m => m.feature.properties);
    const highest = Math.max(pageLevel, ...features.map(p => LEVELS.indexOf(p.classification)));
    const lists = (pageReleasable ? [pageReleasable] : [])
      .concat(features.map(p => releasableOf(p.marking) || p.releasableTo || []));
    const common = commonReleasability(lists, communities());
    const text = LEVELS[highest] + (common.length ? ' // REL TO ' + common.join(', ') : '');
    document.querySelectorAll('.banner').forEach(banner => {
      banner.textContent = text;
      LEVELS.forEach(l => banner.classList.remove('banner-' + l.toLowerCase()));
      banner.classList.add('banner-' + LEVELS[highest].toLowerCase());
    });
  }

  function render() {
    raiseBanner();
    document.getElementById('incident-count').textContent = String(markers.size);
    const list = document.getElementById('incident-list');
    const items = Array.from(markers.values()).map(m => m.feature)
      .sort((a, b) => b.properties.lastObservedAt.localeCompare(a.properties.lastObservedAt)).slice(0, 30);
    list.replaceChildren(...items.map(f => {
      const li = document.createElement('li');
      li.dataset.incidentId = f.id;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = f.properties.lastObservedDtg + ' ' + (f.properties.ref ? f.properties.ref + ' ' : '')
        + f.properties.title;
      button.title = f.properties.marking;
      button.addEventListener('click', () => {
        const entry = markers.get(f.id);
        if (entry) { map.setView(entry.marker.getLatLng(), Math.max(map.getZoom(), 7)); entry.marker.openPopup(); }
      });
      li.append(button);
      return li;
    }));
  }

  function reload() {
    const start = windowStart();
    const url = withContext(section.dataset.incidentsUrl, start ? { from: start.toISOString() } : {});
    return fetch(url, { headers: { Accept: 'application/geo+json' } })
      .then(r => r.json())
      .then(collection => {
        markers.forEach((m, id) => view.symbols.remove(id));
        markers.clear();
        collection.features.forEach(f => upsert(f, false));
        render();
      })
      .then(() => reloadAreas(null));
  }

  /** The category filters show each category's symbol: the legend of what is drawn. */
  function categorySymbols() {
    document.querySelectorAll('[data-category-sidc]').forEach(el => {
      const image = document.createElement('img');
      image.alt = '';
      image.className = 'category-symbol';
      image.src = new ms.Symbol(el.dataset.categorySidc, { size: 14 }).toDataURL();
      el.prepend(image);
    });
  }

  function live() {
    const status = document.getElementById('stream-status');
    const source = new EventSource(withContext(section.dataset.eventsUrl));
    let reconnected = false;
    source.addEventListener('stream.open', () => {
      status.textContent = text('live');
      status.classList.add('on');
      document.body.dataset.streamReady = 'true';
      // After a gap (a resync, a lost connection) events may have been missed: load the picture again.
      if (reconnected) {
        reload();
        reloadTracks();
      }
      reconnected = true;
    });
    const onIncident = e => {
      const feature = JSON.parse(e.data);
      upsert(feature, true);
      reloadAreas(feature.id);
    };
    source.addEventListener('incident.reported', onIncident);
    source.addEventListener('incident.updated', onIncident);
    // An incident left without reports, or now under a label this user may not read: it leaves the picture.
    source.addEventListener('incident.removed', e => removeIncident(JSON.parse(e.data).id));
    source.addEventListener('track.updated', e => upsertTrack(JSON.parse(e.data)));
    source.addEventListener('track.stale', e => removeTrack(JSON.parse(e.data).id));
    source.onerror = () => {
      status.textContent = text('offline');
      status.classList.remove('on');
      document.body.dataset.streamReady = 'false';
    };
  }

  window.KalkanBanner = { commonReleasability, communities };

  document.addEventListener('DOMContentLoaded', () => {
    section = document.querySelector('.map-page');
    if (!section) return;
    const pageBanner = document.getElementById('classification-banner').textContent.trim();
    pageLevel = Math.max(0, LEVELS.indexOf(pageBanner.split(' // ')[0]));
    pageReleasable = releasableOf(pageBanner);
    const params = new URLSearchParams(window.location.search);
    const lat = Number(params.get('lat')), lon = Number(params.get('lon'));
    const focus = params.has('lat') && params.has('lon') && Number.isFinite(lat) && Number.isFinite(lon);
    view = KalkanMap.create(document.getElementById('map'), focus ? { center: [lat, lon], zoom: 8 } : {});
    map = view.map;
    categorySymbols();
    view.ready.then(reload).then(reloadTracks).then(() => { document.body.dataset.mapReady = 'true'; });
    live();
    document.getElementById('time-window').addEventListener('change', reload);
    document.querySelectorAll('input[name=category]').forEach(i => i.addEventListener('change', reload));
  });
})();
