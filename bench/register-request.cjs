// autocannon's setupRequest for registrations (load runs in a worker thread, so this is a file of its
// own): every request is a new owner and a new unit of the bench model.
const { randomUUID } = require('node:crypto');

const run = randomUUID().slice(0, 6).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
let counter = 0;

module.exports = (request) => {
  counter += 1;
  const id = `${run}${String(counter).padStart(8, '0')}`;
  return {
    ...request,
    body: JSON.stringify({
      gtin: process.env.BENCH_GTIN,
      serial: `R${id}`,
      purchaseDate: '2026-10-01',
      retailer: 'Bench store',
      owner: { email: `owner-${id.toLowerCase()}@bench.example`, name: 'Bench Owner', postalCode: '94103', country: 'US' },
      consents: [{ channel: 'email', granted: true, wording: 'Email me news.' }],
    }),
  };
};
