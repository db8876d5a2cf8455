import { pino } from 'pino';
import { eventConsumers, routeModules } from './composition.ts';
import { ensureDemoBrand, demoStaffEmail } from './brands/demo.ts';
import { type Config, readConfig } from './config.ts';
import { migrate, pendingMigrations } from './platform/database/migrate.ts';
import { type OpenDatabase, openDatabase } from './platform/database/open.ts';
import { buildServer } from './platform/http/server.ts';
import { startWorker } from './platform/worker.ts';
import { importCommand } from './registration/import/import.cli.ts';

const usage = `Usage: openox <command>

  start    web server and job worker in one process (the default)
  web      the web server only
  worker   the job worker only
  migrate  bring the database schema up to date, then exit
  demo     create the demo brand, or with --reset delete and recreate it
  import   import historical registrations: import <file.csv> --brand <slug> [--consent-wording "..."]

Environment: PORT (3000), DATABASE_URL (unset: embedded PostgreSQL under OPENOX_DATA_DIR, default ./.openox),
OPENOX_PUBLIC_URL, OPENOX_SMTP_URL (unset: messages stay in the console outbox), OPENOX_MAIL_FROM,
OPENOX_DEMO_API_KEY, OPENOX_DEMO_PASSWORD, OPENOX_LOG_LEVEL, OPENOX_WORKER_CONCURRENCY.`;

const command = process.argv[2] ?? 'start';
const log = pino({ level: process.env.OPENOX_LOG_LEVEL ?? 'info', base: { service: 'openox', command } });

async function main(): Promise<void> {
  if (['help', '--help', '-h'].includes(command)) return void console.log(usage);
  if (!['start', 'web', 'worker', 'migrate', 'demo', 'import'].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  const config = readConfig();
  const database = await openDatabase(config, log);
  const stops: Array<() => Promise<void>> = [() => database.close()];
  try {
    const applied = await migrate(database.db, database.pool);
    if (applied.length > 0) log.info({ applied }, 'database migrations applied');
    if (command === 'migrate') return;
    if (command === 'demo') return void (await announceDemo(database, config, process.argv.includes('--reset')));
    if (command === 'import') return void (process.exitCode = await importCommand(database.db, process.argv.slice(3), config.publicUrl));
    if (command !== 'worker') await announceDemo(database, config, false);

    if (command !== 'web') {
      const worker = await startWorker({ db: database.db, pool: database.pool, consumers: eventConsumers, config, log });
      stops.unshift(() => worker.stop());
      log.info({ concurrency: config.workerConcurrency }, 'job worker started');
    }
    if (command !== 'worker') {
      const app = await buildServer({ db: database.db, config, log, isMigrated: async () => (await pendingMigrations(database.db)).length === 0 }, routeModules);
      await app.listen({ port: config.port, host: config.host });
      stops.unshift(() => app.close());
      printWelcome(config);
    }
    await untilSignalled();
  } finally {
    // Web first (finishes in-flight requests, refuses new ones), then the worker (lets running jobs end), then the database.
    for (const stop of stops) {
      await stop().catch((error: unknown) => log.error({ err: error }, 'error while shutting down'));
    }
    log.info('stopped');
  }
}

function untilSignalled(): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'shutting down gracefully; send the signal again to force');
      process.once(signal, () => process.exit(130));
      resolve();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

async function announceDemo(database: OpenDatabase, config: Config, reset: boolean): Promise<void> {
  const demo = await ensureDemoBrand(database.db, { password: config.demoPassword, apiKey: config.demoApiKey, reset });
  if (!demo.created) return;
  log.info({ brandId: demo.brandId }, 'demo brand created');
  console.log(
    `\nDemo brand "Acme Home" ${reset ? 're' : ''}created.` +
      `\n  Sign in to the console as ${demoStaffEmail('admin')} (or marketer@, agent@, analyst@) with password: ${config.demoPassword}` +
      `\n  API key (shown once${config.demoApiKey ? ', from OPENOX_DEMO_API_KEY' : ''}): ${demo.apiKey}\n`,
  );
}

function printWelcome(config: Config): void {
  const base = config.publicUrl;
  console.log(
    `\nOpenOX is running.` +
      `\n  Console:      ${base}/console/   (sign in as ${demoStaffEmail('admin')} / ${config.demoPassword})` +
      `\n  API docs:     ${base}/docs   (OpenAPI: ${base}/openapi.json)` +
      `\n  Scan a demo QR code: ${base}/01/09506000134352/21/AB12345678  (GS1 Digital Link to the registration page)` +
      `\n  Owner pages:  ${base}/o/demo/register   Sign in: ${base}/o/demo/sign-in` +
      (config.smtpUrl ? '' : `\n  Email: no OPENOX_SMTP_URL set, so messages are kept in the console outbox (${base}/console/outbox)`) +
      `\n  Health:       ${base}/healthz  ${base}/readyz\n`,
  );
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
