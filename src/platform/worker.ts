import { Logger as QueueLogger, type Runner, run } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from 'pino';
import { sql } from 'kysely';
import type { Db } from './database/database.ts';
import type { EventConsumer } from './events/consumers.ts';
import { eventTasks } from './events/tasks.ts';
import { messagingTasks, smtpTransport } from '../messaging/deliver.ts';
import { twilioCompatibleTransport } from '../messaging/sms/sms-transport.ts';
import type { Config } from '../config.ts';
import { registrationImportTasks } from '../registration/import/import.tasks.ts';
import { warrantyTasks } from '../warranty/warranty-expiring.tasks.ts';
import { maintenanceDueTasks } from '../care/maintenance-due.tasks.ts';
import { journeyEffects } from '../journeys/journey-effects.ts';
import { journeyTasks } from '../journeys/journeys.tasks.ts';
import { segmentTasks } from '../segments/segments.tasks.ts';
import { releaseSilentWorkersTask, workerLiveness } from './worker-liveness.ts';

export interface WorkerOptions {
  readonly db: Db;
  readonly pool: pg.Pool;
  readonly consumers: readonly EventConsumer[];
  readonly config: Pick<Config, 'workerConcurrency' | 'workerHeartbeatSeconds' | 'smtpUrl' | 'mailFrom' | 'publicUrl'> & Partial<Pick<Config, 'sms'>>;
  readonly log: Logger;
}

/** Starts the job queue worker. `stop()` lets running jobs finish; unfinished ones are retried by any worker. */
export async function startWorker({ db, pool, consumers, config, log }: WorkerOptions): Promise<Runner> {
  const liveness = workerLiveness(db, config.workerHeartbeatSeconds);
  const runner = await run({
    events: liveness.events,
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
      ...journeyTasks(db, journeyEffects(config.publicUrl)),
      ...segmentTasks(db),
      release_silent_workers: releaseSilentWorkersTask(db, config.workerHeartbeatSeconds),
      ...messagingTasks(db, config.smtpUrl ? smtpTransport(config.smtpUrl) : null, config.mailFrom, {
        sms: config.sms ? twilioCompatibleTransport({ baseUrl: config.sms.apiUrl, accountSid: config.sms.accountSid, authToken: config.sms.authToken, from: config.sms.from }) : null,
        publicUrl: config.publicUrl,
      }),
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
    crontab: '17 * * * * purge_expired\n*/5 * * * * registration_import_sweep\n7 6 * * * maintenance_due ?fill=2d\n23 4 * * * warranty_expiring ?fill=2d\n11 0 * * * journey_date_triggers ?fill=2d\n*/15 * * * * segment_refresh_all',
  });
  void runner.promise.finally(liveness.stop).catch(() => {});
  // The sweep of dead workers' jobs keeps itself going; starting a worker makes sure it exists.
  await runner.addJob('release_silent_workers', {}, { jobKey: 'release_silent_workers', jobKeyMode: 'preserve_run_at' });
  return runner;
}
