// Real third-party TAK clients (@tak-ps/node-tak, @tak-ps/node-cot) driven by CotNodeClientTests.
// Usage: node tak-clients.mjs <port> <id>=<certFile>,<keyFile> ...
// Prints one JSON line per happening on stdout: {"event":"connected"|"cot"|"pong"|"end"|"error", "id":…}.
// Reads JSON lines on stdin: {"id":"…","xml":"<event …/>"} makes client id send that CoT through node-cot.
import fs from 'node:fs';
import readline from 'node:readline';
import TAK, { CoT } from '@tak-ps/node-tak';

const [port, ...specs] = process.argv.slice(2);
const clients = new Map();

function say(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

for (const spec of specs) {
  const [id, files] = spec.split('=');
  const [certFile, keyFile] = files.split(',');
  const tak = await TAK.connect(id, new URL(`ssl://127.0.0.1:${port}`), {
    cert: fs.readFileSync(certFile, 'utf8'),
    key: fs.readFileSync(keyFile, 'utf8'),
  });
  tak.on('secureConnect', () => say({ event: 'connected', id }));
  tak.on('ping', () => say({ event: 'pong', id }));
  tak.on('cot', cot => say({ event: 'cot', id, uid: cot.raw.event._attributes.uid, type: cot.raw.event._attributes.type,
    xml: cot.to_xml() }));
  tak.on('end', () => say({ event: 'end', id }));
  tak.on('error', err => say({ event: 'error', id, message: String(err && err.message) }));
  clients.set(id, tak);
}

readline.createInterface({ input: process.stdin }).on('line', line => {
  if (!line.trim()) return;
  const command = JSON.parse(line);
  if (command.quit) {
    clients.forEach(tak => tak.destroy());
    process.exit(0);
  }
  clients.get(command.id).write([new CoT(command.xml)]);
}).on('close', () => {
  clients.forEach(tak => tak.destroy());
  process.exit(0);
});
