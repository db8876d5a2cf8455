import { Logger as QueueLogger, type Runner, run } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from 'pino';
import { sql } from 'kysely';
import type { Db } from './database/database.ts';
import type { EventConsumer } from './events/consumers.ts';
import { eventTasks } from './events/tasks.ts';
import { messagingTasks, smtpTransport } from '../messaging/deliver.ts';
import type { Config } from '../config.ts';
import { registrationImportTasks } from '../registration/import/import.tasks.ts';
import { warrantyTasks } from '../warranty/warranty-expiring.tasks.ts';
import { maintenanceDueTasks } from '../care/maintenance-due.tasks.ts';

export interface WorkerOptions {
  readonly db: Db;
  readonly pool: pg.Pool;
  readonly consumers: readonly EventConsumer[];
  readonly config: Pick<Config, 'workerConcurrency' | 'smtpUrl' | 'mailFrom'>;
  readonly log: Logger;
}

/** Starts the job queue worker. `stop()` lets running jobs finish; unfinished ones are retried by any worker. */
export async function startWorker({ db, pool, consumers, config, log }: WorkerOptions): Promise<Runner> {
  return run({
    pgPool: pool,
    concurrency: config.workerConcurrency,
    noHandleSignals: true,
    logger: new QueueLogger((scope) => (level, message, meta) => {
      const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
      log[method]({ queue: scope, ...meta }, message);
    }),
    taskList: {
      ...eventTasks(db, consumers),
      ...registrationImportTasks(db),
      ...warrantyTasks(db),
      ...maintenanceDueTasks(db),
      ...messagingTasks(db, config.smtpUrl ? smtpTransport(config.smtpUrl) : null, config.mailFrom),
      purge_expired: async () => {
        await sql`delete from idempotency_keys where created_at < now() - interval '24 hours'`.execute(db);
        await sql`delete from staff_sessions where expires_at < now()`.execute(db);
        await sql`delete from sign_in_attempts where attempted_at < now() - interval '1 day'`.execute(db);
        await sql`delete from owner_sessions where expires_at < now()`.execute(db);
        await sql`delete from owner_sign_in_tokens where expires_at < now() - interval '1 day'`.execute(db);
        await sql`delete from rate_limit_windows where window_start < now() - interval '1 day'`.execute(db);
        // Photos of labels and receipts that never became a registration: the read's figures stay, the photo goes.
        await sql`delete from files f using photo_reads r where r.file_id = f.id and r.ownership_id is null and r.created_at < now() - interval '1 day' and not exists (select 1 from ownerships o where o.proof_file_id = f.id)`.execute(db);
      },
    },
    crontab: '17 * * * * purge_expired\n*/5 * * * * registration_import_sweep\n7 6 * * * maintenance_due ?fill=2d\n23 4 * * * warranty_expiring ?fill=2d',
  });
}
