// TAK protocol version 1 messages by node-cot, for CotNodeClientTests to check Kalkan's hand-written codec:
//   node proto.mjs encode '<event …>'   prints the TakMessage node-cot writes, base64
//   node proto.mjs decode <base64>      prints the event node-cot reads from a TakMessage, as XML
import { CoT } from '@tak-ps/node-tak';

const [mode, input] = process.argv.slice(2);
if (mode === 'encode') {
  process.stdout.write(Buffer.from(new CoT(input).to_proto(1)).toString('base64'));
} else {
  process.stdout.write(CoT.from_proto(Buffer.from(input, 'base64'), 1).to_xml());
}
