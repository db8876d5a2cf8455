import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/harness.ts';
import { systemActor } from '../access/principal.ts';
import { conditionSchema } from '../journeys/conditions.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import { refreshSegment } from './membership.ts';
import { type SegmentWorld, segmentWorld } from './segment-fixtures.ts';
import { createSegment, updateSegment } from './segments.ts';
import { segmentTasks } from './segments.tasks.ts';

const { db } = testDatabase();
let world: SegmentWorld;

beforeAll(async () => {
  world = await segmentWorld(db);
});
afterAll(async () => {
  await db.destroy();
});

const inWorld = <T>(work: Parameters<typeof inBrand<T>>[2]) => inBrand(db, world.brand.brandId, work);

async function members(segmentId: string): Promise<string[]> {
  const rows = await inWorld((scope) => scope.db.selectFrom('segment_members').select('ownership_id').where('segment_id', '=', segmentId).execute());
  const names = new Map(Object.entries(world.products).map(([name, id]) => [id, name]));
  return rows.map((row) => names.get(row.ownership_id) ?? row.ownership_id).sort();
}

async function enteredEvents(segmentId: string): Promise<string[]> {
  const rows = await inWorld((scope) =>
    scope.db.selectFrom('events').select(['subject_id', 'payload']).where('type', '=', 'segment.entered').where(sql<boolean>`payload->>'segmentId' = ${segmentId}`).orderBy('id').execute(),
  );
  const names = new Map(Object.entries(world.products).map(([name, id]) => [id, name]));
  return rows.map((row) => names.get(row.subject_id as string) ?? String(row.subject_id));
}

const setCountry = (owner: string, country: string | null) =>
  inWorld((scope) => scope.db.updateTable('owners').set({ country }).where('id', '=', world.owners[owner] as string).execute());

describe('refreshing a segment', () => {
  it('lets products in and out set-based, with one segment.entered event per product that entered', async () => {
    const segmentId = await inWorld((scope) =>
      createSegment(scope, systemActor, { name: 'In the US', description: null, condition: conditionSchema.parse({ fact: 'owner.country', op: 'eq', value: 'us' }) }),
    );
    // Owners in the US: A (three products), D (one active), H, I. E is safety-only; D0 was passed on.
    const first = await inWorld((scope) => refreshSegment(scope, segmentId));
    expect(first).toEqual({ entered: 6, left: 0, members: 6 });
    expect(await members(segmentId)).toEqual(['A1', 'A2', 'A3', 'D1', 'H1', 'I1']);
    expect((await enteredEvents(segmentId)).sort()).toEqual(['A1', 'A2', 'A3', 'D1', 'H1', 'I1']);
    const event = await inWorld((scope) => scope.db.selectFrom('events').select(['payload', 'subject_type']).where('subject_id', '=', world.products.A1 as string).where('type', '=', 'segment.entered').executeTakeFirstOrThrow());
    expect(event).toEqual({ subject_type: 'ownership', payload: { segmentId, segment: 'In the US', ownerId: world.owners.A, ownershipId: world.products.A1 } });

    // Nothing changed: nobody enters or leaves, no event.
    expect(await inWorld((scope) => refreshSegment(scope, segmentId))).toEqual({ entered: 0, left: 0, members: 6 });
    expect(await enteredEvents(segmentId)).toHaveLength(6);

    // A moves to Canada and leaves with all three products; G moves to the US and enters.
    await setCountry('A', 'CA');
    await setCountry('G', 'US');
    expect(await inWorld((scope) => refreshSegment(scope, segmentId))).toEqual({ entered: 1, left: 3, members: 4 });
    expect(await members(segmentId)).toEqual(['D1', 'G1', 'H1', 'I1']);

    // Coming back is a new entry, with a new event.
    await setCountry('A', 'US');
    expect(await inWorld((scope) => refreshSegment(scope, segmentId))).toEqual({ entered: 3, left: 0, members: 7 });
    expect((await enteredEvents(segmentId)).filter((name) => name === 'A1')).toHaveLength(2);

    const figures = await inWorld((scope) => scope.db.selectFrom('segments').select(['member_count', 'last_entered', 'last_left', 'refreshed_at']).where('id', '=', segmentId).executeTakeFirstOrThrow());
    expect(figures).toMatchObject({ member_count: 7, last_entered: 3, last_left: 0 });
    expect(figures.refreshed_at).toBeInstanceOf(Date);
    await setCountry('G', 'MX');
  });

  it('never takes in a product registered for safety notices only, and lets one out when its owner becomes so', async () => {
    const segmentId = await inWorld((scope) => createSegment(scope, systemActor, { name: 'Everyone', description: null, condition: { all: [] } }));
    await inWorld((scope) => refreshSegment(scope, segmentId));
    const everyone = await members(segmentId);
    expect(everyone).not.toContain('E1');
    expect(everyone).not.toContain('F1');
    expect(everyone).toContain('F2');

    await inWorld((scope) => scope.db.updateTable('owners').set({ safety_only: true }).where('id', '=', world.owners.F as string).execute());
    expect(await inWorld((scope) => refreshSegment(scope, segmentId))).toMatchObject({ entered: 0, left: 1 });
    expect(await members(segmentId)).not.toContain('F2');
    await inWorld((scope) => scope.db.updateTable('owners').set({ safety_only: false }).where('id', '=', world.owners.F as string).execute());
  });

  it('queues a refresh when a segment is created or its condition changes, and the queue task runs it', async () => {
    const segmentId = await inWorld((scope) =>
      createSegment(scope, systemActor, { name: 'Kettle owners', description: null, condition: conditionSchema.parse({ fact: 'purchases.categories', op: 'includes', value: 'kettles' }) }),
    );
    const queued = async () => {
      const { rows } = await sql<{ payload: unknown }>`
        select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'segment_refresh' and j.key = ${`segment-refresh:${segmentId}`}`.execute(db);
      return rows;
    };
    expect(await queued()).toEqual([{ payload: { segmentId, brandId: world.brand.brandId } }]);

    await segmentTasks(db).segment_refresh({ segmentId, brandId: world.brand.brandId }, {} as never);
    await sql`delete from graphile_worker._private_jobs where key = ${`segment-refresh:${segmentId}`}`.execute(db);
    expect(await members(segmentId)).toEqual(['A1', 'A2', 'A3', 'B1', 'C1', 'F2', 'G1', 'I1']);

    await inWorld((scope) => updateSegment(scope, systemActor, segmentId, { name: 'Kettle owners', description: 'renamed only', condition: conditionSchema.parse({ fact: 'purchases.categories', op: 'includes', value: 'kettles' }) }));
    expect(await queued()).toEqual([]);
    await inWorld((scope) => updateSegment(scope, systemActor, segmentId, { name: 'Dryer owners', description: null, condition: conditionSchema.parse({ fact: 'purchases.categories', op: 'includes', value: 'dryers' }) }));
    expect(await queued()).toHaveLength(1);
  });

  it('queues one refresh per segment every quarter hour', async () => {
    const added: { task: string; payload: { segmentId: string }; key: string | undefined }[] = [];
    const helpers = { addJob: async (task: string, payload: { segmentId: string }, spec: { jobKey?: string }) => void added.push({ task, payload, key: spec.jobKey }) };
    await segmentTasks(db).segment_refresh_all({}, helpers as never);
    const ours = await inWorld((scope) => scope.db.selectFrom('segments').select('id').execute());
    for (const { id } of ours) expect(added).toContainEqual({ task: 'segment_refresh', payload: { segmentId: id, brandId: world.brand.brandId }, key: `segment-refresh:${id}` });
  });
});
