import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase, validModel } from '../../test/harness.ts';
import { systemActor } from '../access/principal.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { addOwner, addOwnership } from './care-fixtures.ts';
import { publishBrandDueMaintenance, publishDueMaintenance } from './maintenance-due.tasks.ts';
import { logCompletion, ownershipFacts } from './maintenance.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let modelId: string;
let rinseTaskId: string;

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Due Co');
  const created = await app.inject({
    method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin),
    payload: validModel({ maintenanceSchedule: [{ name: 'Clean the spray arms', intervalDays: 30 }, { name: 'Replace the water filter', intervalDays: 180 }] }),
  });
  modelId = created.json().id;
  rinseTaskId = (await db.selectFrom('maintenance_tasks').select('id').where('model_id', '=', modelId).where('interval_days', '=', 30).executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const dueEvents = async () => {
  const rows = await db.selectFrom('events').select(['subject_id', 'payload']).where('brand_id', '=', brand.brandId).where('type', '=', 'maintenance.due').execute();
  return rows.map((row) => row.payload as { ownershipId: string; taskName: string; dueOn: string; ownerId: string; modelId: string; taskId: string })
    .sort((a, b) => `${a.dueOn}${a.ownershipId}`.localeCompare(`${b.dueOn}${b.ownershipId}`));
};
const run = (today: string) => inBrand(db, brand.brandId, (scope) => publishBrandDueMaintenance(scope, today));

describe('the daily maintenance.due job', () => {
  it('publishes each ownership × task × due date exactly once, whoever runs it and however often', async () => {
    const ownerId = await addOwner(db, brand.brandId, { email: 'due@example.com' });
    const bought = await addOwnership(db, brand.brandId, ownerId, modelId, { purchaseDate: '2026-01-01', registeredOn: '2026-01-20' });
    const noPurchaseDate = await addOwnership(db, brand.brandId, ownerId, modelId, { purchaseDate: null, registeredOn: '2026-01-05' });
    const maintained = await addOwnership(db, brand.brandId, ownerId, modelId, { purchaseDate: '2026-01-01' });
    await addOwnership(db, brand.brandId, ownerId, modelId, { purchaseDate: '2025-01-01', status: 'transferred' });
    await inBrand(db, brand.brandId, async (scope) => {
      const facts = await ownershipFacts(scope, maintained);
      await logCompletion(scope, systemActor, facts as NonNullable<typeof facts>, { taskId: rinseTaskId, doneOn: '2026-02-15', note: '', loggedBy: 'owner' }, '2026-03-01');
    });

    // Two workers at once: the notices' key lets only one of them publish.
    const [first, second] = await Promise.all([run('2026-03-01'), run('2026-03-01')]);
    expect(first + second).toBe(2);
    expect(await run('2026-03-01')).toBe(0);
    const events = await dueEvents();
    expect(events.map((e) => [e.ownershipId, e.taskName, e.dueOn])).toEqual([
      [bought, 'Clean the spray arms', '2026-01-31'],
      [noPurchaseDate, 'Clean the spray arms', '2026-02-04'],
    ]);
    expect(events[0]).toMatchObject({ ownerId, modelId, taskId: rinseTaskId });

    // A month on: the maintained unit (done 2026-02-15) falls due; the others' dates have not moved.
    expect(await run('2026-03-20')).toBe(1);
    expect((await dueEvents()).at(-1)).toMatchObject({ ownershipId: maintained, dueOn: '2026-03-17' });

    // Done again: the next due date is a new one, published once more when it comes.
    await inBrand(db, brand.brandId, async (scope) => {
      const facts = await ownershipFacts(scope, bought);
      await logCompletion(scope, systemActor, facts as NonNullable<typeof facts>, { taskId: rinseTaskId, doneOn: '2026-03-20', note: '', loggedBy: 'owner' }, '2026-03-20');
    });
    expect(await run('2026-04-18')).toBe(0);
    expect(await run('2026-04-19')).toBe(1);
    expect((await dueEvents()).filter((e) => e.ownershipId === bought).map((e) => e.dueOn)).toEqual(['2026-01-31', '2026-04-19']);
  });

  it('runs across brands from the queue task, each under its own brand', async () => {
    const other = await makeBrand(db, 'Other Due Co');
    const created = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(other.keys.admin), payload: validModel({ maintenanceSchedule: [{ name: 'Descale', intervalDays: 10 }] }) });
    const ownerId = await addOwner(db, other.brandId, { email: 'other-due@example.com' });
    const ownership = await addOwnership(db, other.brandId, ownerId, created.json().id, { purchaseDate: '2020-01-01' });
    expect(await publishDueMaintenance(db, '2020-01-11')).toBeGreaterThanOrEqual(1);
    const published = await db.selectFrom('events').select(['brand_id', 'subject_id']).where('type', '=', 'maintenance.due').where('subject_id', '=', ownership).execute();
    expect(published).toEqual([{ brand_id: other.brandId, subject_id: ownership }]);
    expect(await publishDueMaintenance(db, '2020-01-11')).toBe(0);
  });
});
