// Incoming CAP messages: each message's areas (GeoJSON from the node) on a mini map over the offline basemap.
(function () {
  'use strict';
  const MEMBERS = new Set(['031', '398', '417', '792', '860']);

  function draw(element, world) {
    const areas = JSON.parse(element.dataset.areas);
    const map = L.map(element, { zoomControl: false, attributionControl: false, scrollWheelZoom: false });
    if (world) {
      L.geoJSON(topojson.feature(world, world.objects.countries), {
        interactive: false,
        style: f => ({ color: '#64748b', weight: 0.6, fillColor: MEMBERS.has(f.id) ? '#dbeafe' : '#f1f5f9', fillOpacity: 1 }),
      }).addTo(map);
    }
    const layer = L.geoJSON(areas, {
      style: () => ({ color: '#b91c1c', weight: 2, fillColor: '#f87171', fillOpacity: 0.35 }),
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 6, color: '#b91c1c', fillOpacity: 0.8 }),
      onEachFeature: (feature, l) => l.bindTooltip(String(feature.properties.areaDesc || '')),
    }).addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds.pad(1.5), { maxZoom: 7 });
    } else {
      map.setView([41.5, 55], 3);
    }
    element.dataset.drawn = 'true';
  }

  document.addEventListener('DOMContentLoaded', () => {
    const page = document.querySelector('.cap-page');
    const maps = Array.from(document.querySelectorAll('.cap-minimap'));
    if (!page || maps.length === 0) return;
    fetch(page.dataset.basemapUrl).then(r => r.json()).catch(() => null)
      .then(world => maps.forEach(element => draw(element, world)));
  });
})();
