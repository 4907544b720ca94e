// Drives the real xAPI client (@xapi/xapi) against a Kalkan node and validates statements with Learning Locker's
// validator (@learninglocker/xapi-validation), for the Java tests. Input: one JSON object on stdin; output: one
// JSON object on stdout.
//   {"mode":"send","endpoint":…,"auth":…,"version":…,"statements":[…]}          -> {"status":200,"ids":[…]} or {"status":400,"body":…}
//   {"mode":"page","endpoint":…,"auth":…,"version":…,"query":{…}}               -> {"pages":n,"ids":[…]}
//   {"mode":"validate","statements":[…]}                                          -> {"warnings":[[…],…]}
import XAPI from '@xapi/xapi';
import validate from '@learninglocker/xapi-validation';

const input = JSON.parse(await new Promise((resolve) => {
  let data = '';
  process.stdin.on('data', (chunk) => { data += chunk; });
  process.stdin.on('end', () => resolve(data));
}));

function client() {
  return new XAPI({ endpoint: input.endpoint, auth: input.auth, version: input.version });
}

async function send() {
  try {
    const response = await client().sendStatements({ statements: input.statements });
    return { status: response.status, ids: response.data };
  } catch (error) {
    return { status: error.response ? error.response.status : -1, body: error.response ? error.response.data : String(error) };
  }
}

async function page() {
  const xapi = client();
  let response = await xapi.getStatements(input.query);
  const ids = response.data.statements.map((s) => s.id);
  let pages = 1;
  while (response.data.more) {
    response = await xapi.getMoreStatements({ more: response.data.more });
    response.data.statements.forEach((s) => ids.push(s.id));
    pages++;
  }
  return { pages, ids, statements: response.data.statements };
}

function check() {
  const toValidate = validate.default || validate;
  return { warnings: input.statements.map((statement) => toValidate(statement)
    .map((w) => (w.path || []).join('.') + ': ' + (w.constructor ? w.constructor.name : w.message))) };
}

const modes = { send, page, validate: check };
const output = await modes[input.mode]();
process.stdout.write(JSON.stringify(output) + '\n');
