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
  ['htmx.org/dist/htmx.min.js', 'htmx/htmx.min.js'],
];

for (const [from, to] of assets) {
  const destination = join(target, to);
  mkdirSync(join(destination, '..'), { recursive: true });
  cpSync(join('node_modules', from), destination);
}
console.log(`copied ${assets.length} front-end assets to ${target}`);
