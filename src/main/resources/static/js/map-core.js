// The map every page shares (the operational picture, the maps in the incident and crisis pages, the pickers): an
// offline basemap with blue water and neutral land, countries and regions shaded by their alert level, place labels
// for capitals, ports and border crossings, the reference layers under translated names, a switchable MGRS grid
// (computed by the node with NGA's mgrs library), a legend, APP-6 symbols (milsymbol) spread apart where they overlap,
// and a click on the map that offers to report there. Everything is served by the node: nothing comes from outside.
//
//   const view = KalkanMap.create(element, { onClick(latlng, view) {…} });
//   view.map (Leaflet), view.ready (a promise: basemap and layers drawn), view.symbols (the spreader),
//   view.symbolIcon(sidc, options, className, attributes), view.text(key)
//
// The element's data attributes say where the data is (data-basemap-url, data-reference-url, data-regions-url,
// data-grid-url, data-position-url, data-tiles-url…) and texts come from #map-texts (templates/map-fragments.html).
(function () {
  'use strict';

  // ISO 3166-1 alpha-3 → numeric (the ids of Natural Earth's countries in world-atlas), for the region's states.
  const NUMERIC = {
    AZE: '031', KAZ: '398', KGZ: '417', TUR: '792', UZB: '860', HUN: '348', TKM: '795', GEO: '268', ARM: '051',
    IRN: '364', RUS: '643', CHN: '156', AFG: '004', TJK: '762', MNG: '496', UKR: '804', BGR: '100', GRC: '300',
    CYP: '196', SYR: '760', IRQ: '368', PAK: '586', ROU: '642', SRB: '688', MDA: '498', BLR: '112', POL: '616',
  };
  const MEMBERS = new Set(['031', '398', '417', '792', '860']);
  const OBSERVERS = new Set(['348', '795']);
  const LAND = '#f2efe6';
  const LEVEL_FILL = { NORMAL: null, ELEVATED: '#facc15', HIGH: '#f97316', SEVERE: '#dc2626' };
  const REFERENCE_STYLE = {
    pipeline: { color: '#c2410c', weight: 3 },
    corridor: { color: '#7c3aed', weight: 3, dashArray: '8 6' },
    railway: { color: '#1f2937', weight: 2, dashArray: '4 4' },
  };
  const POINT_STYLE = {
    capital: { radius: 5, color: '#111827', fillColor: '#fde047', fillOpacity: 1, weight: 2 },
    port: { radius: 6, color: '#0c4a6e', fillColor: '#38bdf8', fillOpacity: 0.9, weight: 2 },
    crossing: { radius: 4, color: '#7f1d1d', fillColor: '#fca5a5', fillOpacity: 1, weight: 2 },
  };
  const KINDS = ['pipeline', 'corridor', 'railway', 'capital', 'port', 'crossing'];

  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  let dictionary = null;

  /**
   * The page's map texts, translated by the node: <span data-key> elements of #map-texts
   * (templates/map-fragments.html :: texts), then the data-* attributes of #map-messages.
   */
  function text(key) {
    if (!dictionary) {
      dictionary = {};
      document.querySelectorAll('#map-texts [data-key]').forEach(el => { dictionary[el.dataset.key] = el.textContent; });
    }
    const messages = document.getElementById('map-messages');
    return dictionary[key] || (messages && messages.dataset[key]) || key;
  }

  /** The exercise context of a page opened with ?exercise=<id> goes with every request a map makes (ADR 0006). */
  const EXERCISE = new URLSearchParams(window.location.search).get('exercise');

  function withContext(path, params) {
    const url = new URL(path, window.location.href);
    Object.entries(params || {}).forEach(([k, v]) => url.searchParams.set(k, v));
    if (EXERCISE) url.searchParams.set('exercise', EXERCISE);
    return url.pathname + url.search;
  }

  /** The marking of a record in a popup: the shell's marking component when the page has it. */
  function markingHtml(p) {
    if (window.KalkanMarking) return window.KalkanMarking.html(p, p.exercise);
    const exercise = p.exercise ? 'EXERCISE · ' : '';
    return '<span class="marking marking-' + escapeHtml(String(p.classification).toLowerCase()) + '" data-marking>'
      + escapeHtml(exercise + p.marking) + '</span>';
  }

  /** An APP-6 symbol (milsymbol) as a Leaflet icon, anchored where the symbol says. */
  function symbolIcon(sidc, options, className, attributes) {
    const symbol = new ms.Symbol(sidc, options);
    const anchor = symbol.getAnchor();
    const size = symbol.getSize();
    return L.divIcon({
      className,
      html: '<img alt="" src="' + symbol.toDataURL() + '" ' + (attributes || '') + '>',
      iconSize: [size.width, size.height],
      iconAnchor: [anchor.x, anchor.y],
    });
  }

  /** The alert levels the page lists (crisis/alert-levels :: levels), as {kind, name, level}. */
  function alertLevels() {
    return Array.from(document.querySelectorAll('[data-alert-level]')).map(el => ({
      kind: el.dataset.alertKind, name: el.dataset.alertTarget, level: el.dataset.alertLevel,
    }));
  }

  /**
   * Symbols that would cover each other are moved apart, each to the nearest free spot on a spiral around where it
   * really is, with a thin line back to that place: no two symbols in view overlap, so every one stays visible and
   * can be clicked however crowded the map (re-done whenever the view moves). Focused symbols keep their place.
   * The whole marker moves (CSS `translate`, which composes with Leaflet's own `transform`), not only its picture,
   * so no invisible marker box is left covering a neighbour.
   */
  function spreader(map) {
    const entries = new Map(); // key -> marker
    const leaders = L.layerGroup().addTo(map);
    const GAP = 2; // px between two symbols' boxes
    const CELL = 64; // px, the grid that finds neighbours quickly
    let pending = false;
    let waiting = [];

    function offset(marker, dx, dy) {
      const element = marker.getElement();
      if (!element) return;
      element.style.translate = dx || dy ? dx + 'px ' + dy + 'px' : '';
      element.classList.toggle('spread', Boolean(dx || dy));
    }

    function box(marker) {
      const icon = marker.options.icon && marker.options.icon.options;
      const size = L.point(icon && icon.iconSize ? icon.iconSize : [26, 26]);
      const anchor = L.point(icon && icon.iconAnchor ? icon.iconAnchor : [size.x / 2, size.y / 2]);
      return { left: -anchor.x, top: -anchor.y, right: size.x - anchor.x, bottom: size.y - anchor.y };
    }

    /** Offsets tried in turn: where the symbol is, then rings further and further out. */
    function candidates(step) {
      const list = [[0, 0]];
      for (let ring = 1; ring <= 14; ring++) {
        const radius = ring * step;
        const count = Math.max(6, Math.floor(2 * Math.PI * radius / step));
        for (let k = 0; k < count; k++) {
          const angle = -Math.PI / 2 + 2 * Math.PI * k / count;
          list.push([Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))]);
        }
      }
      return list;
    }

    function layout() {
      pending = false;
      leaders.clearLayers();
      const view = map.getPixelBounds();
      const origin = map.getPixelOrigin();
      const visible = L.bounds(view.min.subtract(origin).subtract([100, 100]), view.max.subtract(origin).add([100, 100]));
      const items = Array.from(entries.values()).filter(m => map.hasLayer(m));
      // Focused symbols first (they keep their place), then in the order they came.
      items.sort((a, b) => (b.options.zIndexOffset || 0) - (a.options.zIndexOffset || 0));
      const grid = new Map();
      const cellKey = (x, y) => Math.floor(x / CELL) + ':' + Math.floor(y / CELL);
      const free = r => {
        for (let cx = Math.floor(r.left / CELL); cx <= Math.floor(r.right / CELL); cx++) {
          for (let cy = Math.floor(r.top / CELL); cy <= Math.floor(r.bottom / CELL); cy++) {
            for (const o of grid.get(cx + ':' + cy) || []) {
              if (r.left < o.right + GAP && o.left < r.right + GAP && r.top < o.bottom + GAP && o.top < r.bottom + GAP) {
                return false;
              }
            }
          }
        }
        return true;
      };
      const take = r => {
        for (let cx = Math.floor(r.left / CELL); cx <= Math.floor(r.right / CELL); cx++) {
          for (let cy = Math.floor(r.top / CELL); cy <= Math.floor(r.bottom / CELL); cy++) {
            const key = cx + ':' + cy;
            if (!grid.has(key)) grid.set(key, []);
            grid.get(key).push(r);
          }
        }
      };
      const rings = new Map(); // step -> candidate offsets
      items.forEach(marker => {
        const point = map.latLngToLayerPoint(marker.getLatLng());
        if (!visible.contains(point)) { offset(marker, 0, 0); return; }
        const b = box(marker);
        const step = Math.max(b.right - b.left, b.bottom - b.top) + GAP;
        if (!rings.has(step)) rings.set(step, candidates(step));
        const tries = rings.get(step);
        let chosen = tries[0];
        let rect = null;
        for (const [dx, dy] of tries) {
          const r = { left: point.x + dx + b.left, top: point.y + dy + b.top, right: point.x + dx + b.right,
            bottom: point.y + dy + b.bottom };
          if (free(r)) { chosen = [dx, dy]; rect = r; break; }
        }
        if (!rect) {
          rect = { left: point.x + b.left, top: point.y + b.top, right: point.x + b.right, bottom: point.y + b.bottom };
        }
        take(rect);
        offset(marker, chosen[0], chosen[1]);
        if (chosen[0] || chosen[1]) {
          const to = map.layerPointToLatLng(point.add(chosen));
          L.polyline([marker.getLatLng(), to], { color: '#334155', weight: 1, interactive: false }).addTo(leaders);
        }
      });
      const done = waiting;
      waiting = [];
      done.forEach(resolve => resolve());
    }

    function refresh() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(layout);
    }

    map.on('moveend viewreset', refresh);
    return {
      add(key, marker) {
        const old = entries.get(key);
        if (old) map.removeLayer(old);
        entries.set(key, marker);
        marker.addTo(map);
        refresh();
      },
      remove(key) {
        const old = entries.get(key);
        if (old) { map.removeLayer(old); entries.delete(key); refresh(); }
      },
      clear() { entries.forEach(m => map.removeLayer(m)); entries.clear(); refresh(); },
      refresh,
      /** Resolves once the symbols have been laid out (after the changes made so far). */
      settled() {
        refresh();
        return new Promise(resolve => waiting.push(resolve));
      },
    };
  }

  /** A colour {@code share} of the way from {@code a} to {@code b} (#rrggbb): shading that water does not tint. */
  function mix(a, b, share) {
    const channel = (hex, i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    return '#' + [0, 1, 2].map(i => Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * share)
      .toString(16).padStart(2, '0')).join('');
  }

  function basemap(view, element) {
    const map = view.map;
    const tiles = element.dataset.tilesUrl;
    if (tiles) {
      // The operator's offline tile package; country outlines stay on top of it.
      L.tileLayer(tiles, {
        minZoom: Number(element.dataset.tilesMin || 0), maxZoom: Number(element.dataset.tilesMax || 18),
        attribution: element.dataset.tilesAttribution || '',
      }).addTo(map);
    }
    const levels = {};
    alertLevels().filter(l => l.kind === 'NATION' && NUMERIC[l.name]).forEach(l => { levels[NUMERIC[l.name]] = l.level; });
    return fetch(element.dataset.basemapUrl).then(r => r.json()).then(world => {
      const countries = topojson.feature(world, world.objects.countries);
      L.geoJSON(countries, {
        interactive: false,
        style: f => {
          const level = LEVEL_FILL[levels[f.id]];
          const member = MEMBERS.has(f.id);
          return {
            color: member ? '#475569' : '#94a3b8', weight: member ? 1.2 : 0.7,
            fillColor: level ? (tiles ? level : mix(LAND, level, 0.5)) : LAND,
            fillOpacity: tiles ? (level ? 0.35 : 0) : 1,
            className: 'country' + (member ? ' member' : OBSERVERS.has(f.id) ? ' observer' : '')
              + (levels[f.id] ? ' alert-' + levels[f.id].toLowerCase() : ''),
          };
        },
      }).addTo(map);
    });
  }

  function regions(view, element) {
    const url = element.dataset.regionsUrl;
    const levels = alertLevels().filter(l => l.kind === 'REGION' && LEVEL_FILL[l.level]);
    if (!url || !levels.length) return Promise.resolve();
    const levelOf = name => {
      const wanted = name.toLowerCase();
      const found = levels.find(l => l.name.toLowerCase() === wanted);
      return found && found.level;
    };
    return fetch(url).then(r => r.json()).then(collection => {
      collection.features.forEach(f => {
        const names = [f.properties.name].concat(f.properties.aliases || []);
        const level = names.map(levelOf).find(Boolean);
        if (!level) return;
        L.geoJSON(f, {
          interactive: false,
          style: { color: LEVEL_FILL[level], weight: 2, dashArray: '6 4', fillColor: LEVEL_FILL[level], fillOpacity: 0.3,
            className: 'region alert-' + level.toLowerCase() },
        }).addTo(view.map);
        L.marker(L.geoJSON(f).getBounds().getCenter(), {
          interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'region-label', html: escapeHtml(f.properties.name) + ' · '
            + escapeHtml(text('level' + level)), iconSize: null }),
        }).addTo(view.map);
      });
    });
  }

  function referenceLayers(view, element) {
    const map = view.map;
    return fetch(element.dataset.referenceUrl).then(r => r.json()).then(reference => {
      const groups = {};
      reference.features.forEach(f => {
        const kind = f.properties.kind;
        groups[kind] = groups[kind] || L.layerGroup().addTo(map);
        const point = f.geometry.type === 'Point';
        const layer = point
          ? L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], POINT_STYLE[kind] || {})
          : L.geoJSON(f, { style: REFERENCE_STYLE[kind] || {} });
        const name = escapeHtml(f.properties.name) + (f.properties.note ? ' — ' + escapeHtml(f.properties.note) : '');
        if (point) {
          // Place names stay on the map: capitals and ports always, crossings once zoomed in (see kalkan.css).
          layer.bindTooltip(escapeHtml(f.properties.name), {
            permanent: true, direction: 'right', offset: [6, 0], className: 'place-label place-' + kind,
          });
          layer.on('click', () => layer.bindPopup(name).openPopup());
        } else {
          layer.bindTooltip(name, { sticky: true });
        }
        layer.addTo(groups[kind]);
      });
      KINDS.filter(k => groups[k]).forEach(kind => view.layers.addOverlay(groups[kind], text('layer' + cap(kind))));
    });
  }

  function cap(word) {
    return word.charAt(0).toUpperCase() + word.slice(1);
  }

  /** The MGRS grid overlay: lines and labels for the view, fetched again when the view changes. */
  function mgrsGrid(view, element) {
    const url = element.dataset.gridUrl;
    if (!url) return;
    const map = view.map;
    const layer = L.layerGroup();
    let timer = null;
    let asked = 0;
    function load() {
      if (!map.hasLayer(layer)) return;
      const b = map.getBounds();
      const west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
      const south = Math.max(-80, b.getSouth()), north = Math.min(84, b.getNorth());
      if (!(west < east && south < north)) return;
      const ticket = ++asked;
      fetch(withContext(url, { bbox: [west, south, east, north].map(v => v.toFixed(4)).join(','), zoom: map.getZoom() }))
        .then(r => r.json())
        .then(collection => {
          if (ticket !== asked) return;
          layer.clearLayers();
          collection.features.forEach(f => {
            const grid = f.properties.grid;
            if (f.geometry.type === 'LineString') {
              L.polyline(f.geometry.coordinates.map(c => [c[1], c[0]]), {
                color: grid === 'GZD' ? '#b91c1c' : '#1e3a8a', weight: grid === 'GZD' ? 1.6 : 0.8,
                opacity: 0.8, interactive: false, className: 'mgrs-line mgrs-' + grid.toLowerCase(),
              }).addTo(layer);
            } else {
              L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
                interactive: false, keyboard: false,
                icon: L.divIcon({ className: 'mgrs-label mgrs-label-' + grid.toLowerCase(),
                  html: escapeHtml(f.properties.label), iconSize: null }),
              }).addTo(layer);
            }
          });
        })
        .catch(() => { /* the next move asks again */ });
    }
    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, 250);
    }
    map.on('moveend zoomend', later);
    map.on('overlayadd', e => { if (e.layer === layer) load(); });
    map.on('overlayremove', e => { if (e.layer === layer) layer.clearLayers(); });
    view.layers.addOverlay(layer, text('layerMgrs'));
    view.grid = layer;
  }

  /** The legend: what the symbols, lines, points and colours mean, in the user's language. */
  function legend(view, element) {
    if (element.dataset.legend === 'off') return;
    const control = L.control({ position: 'bottomleft' });
    control.onAdd = () => {
      const box = L.DomUtil.create('details', 'map-legend');
      box.id = element.id ? element.id + '-legend' : '';
      if (window.innerWidth >= 1600 && element.dataset.legend !== 'closed') box.open = true;
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      const sample = (sidc, options) => '<img alt="" src="' + new ms.Symbol(sidc, Object.assign({ size: 16 }, options))
        .toDataURL() + '">';
      const line = style => '<svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" stroke="'
        + style.color + '" stroke-width="' + style.weight + '"' + (style.dashArray ? ' stroke-dasharray="'
        + style.dashArray.replace(' ', ',') + '"' : '') + '/></svg>';
      const dot = style => '<svg width="28" height="12" aria-hidden="true"><circle cx="14" cy="6" r="' + style.radius
        + '" fill="' + style.fillColor + '" stroke="' + style.color + '" stroke-width="2"/></svg>';
      const swatch = (colour, border) => '<span class="swatch" style="background:' + colour + ';border-color:'
        + (border || colour) + '"></span>';
      const rows = [];
      rows.push('<summary>' + escapeHtml(text('legend')) + '</summary><div class="legend-body">');
      rows.push('<h3>' + escapeHtml(text('legendSymbols')) + '</h3><ul>');
      rows.push('<li>' + sample('10064000001102000000') + escapeHtml(text('legendIncident')) + '</li>');
      rows.push('<li>' + sample('10044000001700000000') + escapeHtml(text('legendNatural')) + '</li>');
      rows.push('<li>' + sample('10031000000000000000') + escapeHtml(text('legendTrack')) + '</li>');
      rows.push('<li>' + sample('10164000001102000000') + escapeHtml(text('legendExercise')) + '</li>');
      rows.push('<li><svg width="28" height="12" aria-hidden="true"><line x1="2" y1="10" x2="26" y2="2" stroke="#334155"/></svg>'
        + escapeHtml(text('legendSpread')) + '</li></ul>');
      rows.push('<h3>' + escapeHtml(text('legendLayers')) + '</h3><ul>');
      ['pipeline', 'corridor', 'railway'].forEach(k => rows.push('<li>' + line(REFERENCE_STYLE[k]) + escapeHtml(text('layer' + cap(k))) + '</li>'));
      ['capital', 'port', 'crossing'].forEach(k => rows.push('<li>' + dot(POINT_STYLE[k]) + escapeHtml(text('layer' + cap(k))) + '</li>'));
      rows.push('<li>' + line({ color: '#b91c1c', weight: 1.6 }) + escapeHtml(text('layerMgrs')) + '</li></ul>');
      rows.push('<h3>' + escapeHtml(text('legendAlert')) + '</h3><ul>');
      rows.push('<li>' + swatch(LAND, '#475569') + escapeHtml(text('levelNORMAL')) + '</li>');
      ['ELEVATED', 'HIGH', 'SEVERE'].forEach(l => rows.push('<li>' + swatch(mix(LAND, LEVEL_FILL[l], 0.5), LEVEL_FILL[l])
        + escapeHtml(text('level' + l)) + '</li>'));
      rows.push('<li>' + swatch('#a9cbe6', '#7aa7cc') + escapeHtml(text('legendWater')) + '</li></ul></div>');
      box.innerHTML = rows.join('');
      return box;
    };
    control.addTo(view.map);
  }

  /** A click on the map (not on a symbol): offers to report there, with the position in degrees and MGRS. */
  function clickToReport(view, element) {
    const reportUrl = element.dataset.reportUrl;
    view.map.on('click', e => {
      if (view.onClick) { view.onClick(e.latlng, view); return; }
      if (!reportUrl) return;
      const lat = e.latlng.lat.toFixed(5);
      const lon = L.Util.wrapNum(e.latlng.lng, [-180, 180], true).toFixed(5);
      const content = document.createElement('div');
      content.className = 'popup map-click';
      content.innerHTML = '<strong>' + escapeHtml(lat + ', ' + lon) + '</strong><br><span class="mgrs"></span><br>'
        + '<a class="report-here" href="' + escapeHtml(withContext(reportUrl, { lat, lon })) + '">'
        + escapeHtml(text('reportHere')) + '</a>';
      L.popup().setLatLng(e.latlng).setContent(content).openOn(view.map);
      position(element, lat, lon).then(p => { content.querySelector('.mgrs').textContent = 'MGRS ' + p.mgrs; });
    });
  }

  function position(element, lat, lon) {
    const url = element.dataset.positionUrl || '/map/position';
    return fetch(withContext(url, { lat, lon })).then(r => r.json());
  }

  /** Where a map's data is when its element does not say (the node's own paths). */
  const DEFAULTS = {
    basemapUrl: '/vendor/world-atlas/countries-50m.json', referenceUrl: '/map/reference', regionsUrl: '/map/regions',
    gridUrl: '/map/mgrs-grid', positionUrl: '/map/position', incidentsUrl: '/map/incidents',
  };

  function create(element, options) {
    const opts = options || {};
    Object.entries(DEFAULTS).forEach(([key, value]) => { if (!(key in element.dataset)) element.dataset[key] = value; });
    element.classList.add('kalkan-map');
    const map = L.map(element, { zoomControl: true, worldCopyJump: true, preferCanvas: false })
      .setView(opts.center || [41.5, 55], opts.zoom || 4);
    const view = {
      map, text, escapeHtml, withContext, markingHtml, symbolIcon, onClick: opts.onClick || null,
      layers: L.control.layers(null, {}, { collapsed: opts.collapsedLayers !== false ? window.innerWidth < 1600 : false })
        .addTo(map),
      symbols: spreader(map),
      position: (lat, lon) => position(element, lat, lon),
    };
    L.control.scale({ metric: true, imperial: false }).addTo(map);
    const zoomClass = () => {
      element.classList.toggle('zoom-regional', map.getZoom() >= 6);
      element.classList.toggle('zoom-close', map.getZoom() >= 8);
    };
    map.on('zoomend', zoomClass);
    zoomClass();
    view.ready = basemap(view, element)
      .then(() => regions(view, element))
      .then(() => referenceLayers(view, element))
      .then(() => { mgrsGrid(view, element); legend(view, element); clickToReport(view, element); return view; });
    return view;
  }

  window.KalkanMap = { create, text, escapeHtml, withContext, markingHtml, symbolIcon, NUMERIC };
})();
