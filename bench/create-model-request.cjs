// autocannon's setupRequest for creating models, a file of its own because load runs in a worker thread
// (functions cannot be handed to a worker). Every request gets a fresh SKU.
const { randomUUID } = require('node:crypto');

module.exports = (request) => ({
  ...request,
  body: JSON.stringify({
    name: 'Bench dishwasher',
    sku: `B-${randomUUID()}`,
    category: 'dishwashers',
    warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'receipt' },
  }),
});
