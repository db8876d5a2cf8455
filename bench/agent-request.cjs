// autocannon's setupRequest for the agent search bench (load runs in a worker thread, so this is a file
// of its own): every request is one of the prepared requests, chosen at random, so the load reads many
// owners rather than one cached row. The requests (path and headers) are in BENCH_REQUESTS_FILE.
const { readFileSync } = require('node:fs');

const requests = JSON.parse(readFileSync(process.env.BENCH_REQUESTS_FILE, 'utf8'));

module.exports = (request) => {
  const chosen = requests[Math.floor(Math.random() * requests.length)];
  return { ...request, path: chosen.path, headers: { ...request.headers, ...chosen.headers } };
};
