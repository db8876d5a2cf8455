import { EventEmitter } from 'node:events';
import type { WorkerEvents } from 'graphile-worker';
import { sql } from 'kysely';
import type { Db } from './database/database.ts';

const beatEveryMs = 15_000;
// Three missed beats and a worker is taken for dead (killed, or its machine gone).
const silentAfterSeconds = 60;

/**
 * Heartbeats for this process's queue workers. A process killed mid-job leaves its jobs locked, and
 * the queue would hand them out again only after four hours; with heartbeats, the sweep below frees
 * them a minute after the process went silent, and any worker picks them up.
 */
export function workerLiveness(db: Db): { events: WorkerEvents; stop: () => Promise<void> } {
  const events: WorkerEvents = new EventEmitter();
  const alive = new Set<string>();
  const beat = (ids: string[]) =>
    ids.length === 0
      ? Promise.resolve()
      : sql`insert into worker_heartbeats (worker_id) select unnest(${ids}::text[]) on conflict (worker_id) do update set beat_at = now()`.execute(db).then(() => undefined);
  events.on('worker:create', ({ worker }) => {
    alive.add(worker.workerId);
    void beat([worker.workerId]).catch(() => {});
  });
  events.on('worker:stop', ({ worker }) => {
    alive.delete(worker.workerId);
    void sql`delete from worker_heartbeats where worker_id = ${worker.workerId}`.execute(db).catch(() => {});
  });
  const timer = setInterval(() => void beat([...alive]).catch(() => {}), beatEveryMs);
  timer.unref();
  return {
    events,
    stop: async () => {
      clearInterval(timer);
      await sql`delete from worker_heartbeats where worker_id = any(${[...alive]}::text[])`.execute(db).catch(() => {});
    },
  };
}

/** Unlocks the jobs of workers that stopped beating; answers how many workers were given up on. */
export async function releaseSilentWorkers(db: Db): Promise<number> {
  const { rows } = await sql<{ locked_by: string }>`
    select distinct j.locked_by from graphile_worker._private_jobs j
    where j.locked_by is not null and j.locked_at < now() - make_interval(secs => ${silentAfterSeconds})
      and not exists (select 1 from worker_heartbeats h where h.worker_id = j.locked_by and h.beat_at > now() - make_interval(secs => ${silentAfterSeconds}))`.execute(db);
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.locked_by);
  await sql`select graphile_worker.force_unlock_workers(${ids}::text[])`.execute(db);
  await sql`delete from worker_heartbeats where worker_id = any(${ids}::text[]) or beat_at < now() - interval '1 day'`.execute(db);
  return ids.length;
}
