// Force pages: the unit's movement estimate drawn on a Leaflet map over the offline basemap (Natural Earth
// countries from world-atlas). A click on the map chooses the destination and submits the form.
(function () {
  'use strict';
  const MEMBERS = new Set(['031', '398', '417', '792', '860']); // AZE KAZ KGZ TUR UZB (ISO numeric)
  const MODE_COLOUR = { ROAD: '#57534e', RAIL: '#1f2937', SEA: '#0369a1', AIR: '#7c3aed' };

  function basemap(map, url) {
    return fetch(url).then(r => r.json()).then(world => {
      L.geoJSON(topojson.feature(world, world.objects.countries), {
        interactive: false,
        style: f => ({ color: '#64748b', weight: 0.8, fillColor: MEMBERS.has(String(f.id)) ? '#fefce8' : '#f1f5f9',
          fillOpacity: 1 }),
      }).addTo(map);
    });
  }

  function drawEstimate(map, estimate) {
    const bounds = [];
    estimate.legs.forEach(leg => {
      const points = leg.path.map(p => [p.lat, p.lon]);
      points.forEach(p => bounds.push(p));
      L.polyline(points, { color: MODE_COLOUR[leg.mode] || '#111827', weight: 4,
        dashArray: leg.mode === 'AIR' ? '8 6' : null })
        .bindTooltip(leg.from + ' → ' + leg.to + ' · ' + leg.mode + ' · ' + leg.km + ' km · ' + leg.hours + ' h')
        .addTo(map);
    });
    if (bounds.length) {
      const last = bounds[bounds.length - 1];
      L.circleMarker(last, { radius: 7, color: '#7f1d1d', fillColor: '#ef4444', fillOpacity: 1 }).addTo(map);
      map.fitBounds(bounds, { padding: [30, 30] });
    }
  }

  function unitMap(element) {
    const home = [Number(element.dataset.homeLat), Number(element.dataset.homeLon)];
    const map = L.map(element, { zoomControl: true }).setView(home, 5);
    basemap(map, element.dataset.basemapUrl).then(() => {
      L.circleMarker(home, { radius: 8, color: '#1e3a8a', fillColor: '#3b82f6', fillOpacity: 1 })
        .bindTooltip(element.dataset.homeLabel || '').addTo(map);
      const to = element.dataset.to;
      if (to) {
        fetch(element.dataset.movementUrl + '?to=' + encodeURIComponent(to))
          .then(r => (r.ok ? r.json() : null))
          .then(estimate => { if (estimate) drawEstimate(map, estimate); element.dataset.drawn = 'true'; });
      } else {
        element.dataset.drawn = 'true';
      }
    });
    map.on('click', event => {
      const input = document.getElementById('movement-to');
      input.value = event.latlng.lat.toFixed(4) + ',' + event.latlng.lng.toFixed(4);
      document.getElementById('movement-form').requestSubmit();
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const element = document.getElementById('unit-map');
    if (element && window.L) unitMap(element);
  });
})();
