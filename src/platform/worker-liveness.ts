import { EventEmitter } from 'node:events';
import type { Task, WorkerEvents } from 'graphile-worker';
import { sql } from 'kysely';
import type { Db } from './database/database.ts';

// Four missed beats and a worker is taken for dead (killed, or its machine gone).
const beatsBeforeDead = 4;

/**
 * Heartbeats for this process's queue workers. A process killed mid-job leaves its jobs locked, and
 * the queue would hand them out again only after four hours; with heartbeats, the sweep below frees
 * them once the process has been silent for four beats, and any live worker picks them up.
 */
export function workerLiveness(db: Db, beatSeconds: number): { events: WorkerEvents; stop: () => Promise<void> } {
  const events: WorkerEvents = new EventEmitter();
  const alive = new Set<string>();
  const beat = async (ids: string[]) => {
    if (ids.length > 0) await sql`insert into worker_heartbeats (worker_id) select unnest(${ids}::text[]) on conflict (worker_id) do update set beat_at = now()`.execute(db);
  };
  events.on('worker:create', ({ worker }) => {
    alive.add(worker.workerId);
    beat([worker.workerId]).catch(() => {});
  });
  events.on('worker:stop', ({ worker }) => {
    alive.delete(worker.workerId);
    sql`delete from worker_heartbeats where worker_id = ${worker.workerId}`.execute(db).catch(() => {});
  });
  const timer = setInterval(() => beat([...alive]).catch(() => {}), beatSeconds * 1000);
  timer.unref();
  return {
    events,
    stop: async () => {
      clearInterval(timer);
      await sql`delete from worker_heartbeats where worker_id = any(${[...alive]}::text[])`.execute(db).catch(() => {});
    },
  };
}

/**
 * The queue task `release_silent_workers`: unlocks the jobs of workers that stopped beating, then
 * schedules itself again one beat later (one such job exists, by its key, however many workers run).
 */
export function releaseSilentWorkersTask(db: Db, beatSeconds: number): Task {
  return async (_payload, helpers) => {
    await releaseSilentWorkers(db, beatSeconds * beatsBeforeDead);
    await helpers.addJob('release_silent_workers', {}, { jobKey: 'release_silent_workers', runAt: new Date(Date.now() + beatSeconds * 1000) });
  };
}

/** Unlocks the jobs of workers silent for `silentSeconds`; answers how many workers were given up on. */
export async function releaseSilentWorkers(db: Db, silentSeconds: number): Promise<number> {
  const { rows } = await sql<{ locked_by: string }>`
    select distinct j.locked_by from graphile_worker._private_jobs j
    where j.locked_by is not null and j.locked_at < now() - make_interval(secs => ${silentSeconds})
      and not exists (select 1 from worker_heartbeats h where h.worker_id = j.locked_by and h.beat_at > now() - make_interval(secs => ${silentSeconds}))`.execute(db);
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.locked_by);
  await sql`select graphile_worker.force_unlock_workers(${ids}::text[])`.execute(db);
  await sql`delete from worker_heartbeats where worker_id = any(${ids}::text[]) or beat_at < now() - interval '1 day'`.execute(db);
  return ids.length;
}
