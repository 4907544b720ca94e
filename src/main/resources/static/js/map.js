// The common operational picture: an offline basemap (Natural Earth countries), reference layers, incidents as
// APP-6 symbols (milsymbol), tracks from TAK clients, filters, and live updates from the node's Server-Sent Events stream.
(function () {
  'use strict';
  const MEMBERS = new Set(['031', '398', '417', '792', '860']); // AZE KAZ KGZ TUR UZB (ISO numeric)
  const OBSERVERS = new Set(['348', '795']); // HUN TKM
  const REFERENCE_STYLE = {
    pipeline: { color: '#c2410c', weight: 3 },
    corridor: { color: '#7c3aed', weight: 3, dashArray: '8 6' },
    railway: { color: '#1f2937', weight: 2, dashArray: '4 4' },
  };
  const POINT_STYLE = {
    port: { radius: 6, color: '#0c4a6e', fillColor: '#38bdf8', fillOpacity: 0.9, weight: 2 },
    capital: { radius: 5, color: '#111827', fillColor: '#fde047', fillOpacity: 1, weight: 2 },
    crossing: { radius: 4, color: '#7f1d1d', fillColor: '#fca5a5', fillOpacity: 1, weight: 2 },
  };

  let map;
  let section;
  let messages;
  const markers = new Map(); // incident id -> { marker, feature }
  const tracks = new Map(); // track uid -> { marker, feature }, from TAK clients; removed when stale
  const areas = new Map(); // incident id -> Leaflet layer of its reports' areas (CAP polygons, drawn areas)
  const AREA_STYLE = { color: '#b91c1c', weight: 2, fillColor: '#f87171', fillOpacity: 0.2 };

  function text(key) { return messages.dataset[key] || key; }
  // A category or status in the reader's language (the page lists them in #map-names), else as sent.
  function named(kind, value) {
    const item = document.querySelector('#map-names [data-key="' + kind + '.' + value + '"]');
    return item ? item.textContent : value;
  }

  // The exercise context of a page opened with ?exercise=<id> goes with every request the map makes (ADR 0006);
  // a context chosen for the session travels with the session by itself.
  const EXERCISE = new URLSearchParams(window.location.search).get('exercise');

  function withContext(path, params) {
    const url = new URL(path, window.location.href);
    Object.entries(params || {}).forEach(([k, v]) => url.searchParams.set(k, v));
    if (EXERCISE) url.searchParams.set('exercise', EXERCISE);
    return url.pathname + url.search;
  }

  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

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

  /** An APP-6 symbol (milsymbol) as a Leaflet icon, anchored where the symbol says. */
  function symbolIcon(sidc, options, className, attributes) {
    const symbol = new ms.Symbol(sidc, options);
    const anchor = symbol.getAnchor();
    const size = symbol.getSize();
    return L.divIcon({
      className,
      html: '<img alt="" src="' + symbol.toDataURL() + '" ' + attributes + '>',
      iconSize: [size.width, size.height],
      iconAnchor: [anchor.x, anchor.y],
    });
  }

  function icon(feature) {
    const p = feature.properties;
    return symbolIcon(p.sidc, { size: 26, uniqueDesignation: p.exercise ? 'EXERCISE' : '' }, 'incident-symbol',
      'data-incident-id="' + escapeHtml(feature.id) + '" data-sidc="' + escapeHtml(p.sidc)
      + '" data-classification="' + escapeHtml(p.classification) + '"');
  }

  function popup(feature) {
    const p = feature.properties;
    // The one marking component (js/marking.js), with EXERCISE for an exercise record.
    return '<div class="popup"><div>' + KalkanMarking.html(p, p.exercise) + '</div><strong>' + escapeHtml(p.title)
      + '</strong><br>'
      + escapeHtml(named('category', p.category)) + ' · ' + text('status') + ' ' + escapeHtml(named('status', p.status))
      + ' · ' + text('severity') + ' '
      + escapeHtml(p.severity) + ' · ' + text('reports') + ' ' + escapeHtml(p.reportCount) + '<br>'
      + text('observed') + ' <b>' + escapeHtml(p.lastObservedDtg) + '</b> (' + escapeHtml(p.lastObservedAt) + ')<br>'
      + 'MGRS ' + escapeHtml(p.mgrs) + '<br><a href="' + escapeHtml(withContext('/incidents/' + encodeURIComponent(feature.id)))
      + '">'
      + text('open') + '</a></div>';
  }

  function upsert(feature, fresh) {
    const existing = markers.get(feature.id);
    if (existing) {
      map.removeLayer(existing.marker);
      markers.delete(feature.id);
    }
    if (!visible(feature) || feature.properties.status === 'CLOSED') {
      render();
      return;
    }
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.marker([lat, lon], { icon: icon(feature), keyboard: true, title: feature.properties.title })
      .bindPopup(() => popup(feature));
    marker.addTo(map);
    if (fresh) {
      const element = marker.getElement();
      if (element) element.classList.add('fresh');
    }
    markers.set(feature.id, { marker, feature });
    render();
  }

  function removeIncident(id) {
    const existing = markers.get(id);
    if (existing) {
      map.removeLayer(existing.marker);
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
    return '<div class="popup"><div>' + KalkanMarking.html(p, p.exercise) + '</div><strong>' + escapeHtml(p.callsign)
      + '</strong><br>'
      + escapeHtml(p.type) + '<br>' + escapeHtml(p.time) + '</div>';
  }

  function removeTrack(uid) {
    const existing = tracks.get(uid);
    if (existing) {
      map.removeLayer(existing.marker);
      tracks.delete(uid);
    }
  }

  function upsertTrack(feature) {
    removeTrack(feature.id);
    if (new Date(feature.properties.stale) <= new Date()) return;
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.marker([lat, lon], { icon: trackIcon(feature), keyboard: true, title: feature.properties.callsign })
      .bindPopup(() => trackPopup(feature));
    marker.addTo(map);
    tracks.set(feature.id, { marker, feature });
    raiseBanner();
  }

  function reloadTracks() {
    fetch(withContext(section.dataset.tracksUrl), { headers: { Accept: 'application/geo+json' } })
      .then(r => r.json())
      .then(collection => collection.features.forEach(upsertTrack));
  }

  const LEVELS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];
  let pageLevel = 0;

  /** The banners carry the highest classification on the page, including what arrived live. */
  function raiseBanner() {
    const highest = Math.max(pageLevel, ...Array.from(markers.values()).concat(Array.from(tracks.values()))
      .map(m => LEVELS.indexOf(m.feature.properties.classification)));
    document.querySelectorAll('.banner').forEach(banner => {
      banner.textContent = LEVELS[highest];
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
      button.textContent = f.properties.lastObservedDtg + ' ' + f.properties.title;
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
    fetch(url, { headers: { Accept: 'application/geo+json' } })
      .then(r => r.json())
      .then(collection => {
        markers.forEach(m => map.removeLayer(m.marker));
        markers.clear();
        collection.features.forEach(f => upsert(f, false));
        render();
      })
      .then(() => reloadAreas(null));
  }

  function basemap() {
    const tiles = section.dataset.tilesUrl;
    if (tiles) {
      // The operator's offline tile package; country outlines stay on top of it.
      L.tileLayer(tiles, {
        minZoom: Number(section.dataset.tilesMin || 0), maxZoom: Number(section.dataset.tilesMax || 18),
        attribution: section.dataset.tilesAttribution || '',
      }).addTo(map);
    }
    return fetch(section.dataset.basemapUrl).then(r => r.json()).then(world => {
      const countries = topojson.feature(world, world.objects.countries);
      L.geoJSON(countries, {
        interactive: false,
        style: f => ({
          color: '#64748b', weight: 0.8,
          fillColor: MEMBERS.has(f.id) ? '#dbeafe' : OBSERVERS.has(f.id) ? '#e0f2fe' : '#f1f5f9',
          fillOpacity: tiles ? 0 : 1,
        }),
      }).addTo(map);
    });
  }

  function referenceLayers(control) {
    return fetch(section.dataset.referenceUrl).then(r => r.json()).then(reference => {
      const groups = {};
      reference.features.forEach(f => {
        const kind = f.properties.kind;
        groups[kind] = groups[kind] || L.layerGroup().addTo(map);
        const layer = f.geometry.type === 'Point'
          ? L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], POINT_STYLE[kind] || {})
          : L.geoJSON(f, { style: REFERENCE_STYLE[kind] || {} });
        layer.bindTooltip(escapeHtml(f.properties.name) + (f.properties.note ? ' — ' + escapeHtml(f.properties.note) : ''));
        layer.addTo(groups[kind]);
      });
      Object.entries(groups).forEach(([kind, group]) => control.addOverlay(group, kind));
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

  document.addEventListener('DOMContentLoaded', () => {
    section = document.querySelector('.map-page');
    pageLevel = Math.max(0, LEVELS.indexOf(document.getElementById('classification-banner').textContent.trim()));
    messages = document.getElementById('map-messages');
    map = L.map('map', { zoomControl: true, worldCopyJump: true, preferCanvas: false }).setView([41.5, 55], 4);
    const control = L.control.layers(null, {}, { collapsed: false }).addTo(map);
    L.control.scale({ metric: true, imperial: false }).addTo(map);
    basemap().then(() => referenceLayers(control)).then(reload).then(reloadTracks);
    live();
    document.getElementById('time-window').addEventListener('change', reload);
    document.querySelectorAll('input[name=category]').forEach(i => i.addEventListener('change', reload));
  });
})();
