// Copies the front-end files the node serves from node_modules into the build output.
// Usage: node copy-assets.mjs <target-dir>. Every asset is served by the node: no CDN.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const target = process.argv[2];
if (!target) {
  console.error('usage: node copy-assets.mjs <target-dir>');
  process.exit(2);
}

const assets = [
  ['chart.js/dist/chart.umd.min.js', 'chart.js/chart.umd.min.js'],
  ['htmx.org/dist/htmx.min.js', 'htmx/htmx.min.js'],
  ['leaflet/dist/leaflet.js', 'leaflet/leaflet.js'],
  ['leaflet/dist/leaflet.css', 'leaflet/leaflet.css'],
  ['leaflet/dist/images', 'leaflet/images'],
  ['milsymbol/dist/milsymbol.js', 'milsymbol/milsymbol.js'],
  ['topojson-client/dist/topojson-client.min.js', 'topojson-client/topojson-client.min.js'],
  // Natural Earth country boundaries (public domain) via world-atlas: the offline basemap.
  ['world-atlas/countries-50m.json', 'world-atlas/countries-50m.json'],
];

for (const [from, to] of assets) {
  const destination = join(target, to);
  mkdirSync(join(destination, '..'), { recursive: true });
  cpSync(join('node_modules', from), destination, { recursive: true });
}
console.log(`copied ${assets.length} front-end assets to ${target}`);
