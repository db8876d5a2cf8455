// A worker process is killed while thousands of owners are mid-journey; after a restart every owner
// must finish with exactly the messages they should get, as counted by a real SMTP server.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { makeBrand, testDatabase } from '../../test/harness.ts';
import { startTestMailbox, type TestMailbox } from '../../test/smtp.ts';
import { systemActor } from '../access/principal.ts';
import { createTemplate } from '../messaging/templates/templates.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import { sql } from 'kysely';
import { journeyDefinitionSchema } from './definition.ts';
import { createJourney, setJourneyStatus } from './journeys.ts';

const owners = Number(process.env.CRASH_TEST_OWNERS ?? 1000);
const { db } = testDatabase();
let mailbox: TestMailbox;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  mailbox = await startTestMailbox();
});
afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await mailbox.close();
  await db.destroy();
});

function startWorkerProcess(): ChildProcess {
  const worker = spawn(process.execPath, ['bin/openox.js', 'worker'], {
    env: {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      OPENOX_SMTP_URL: mailbox.url,
      OPENOX_WORKER_CONCURRENCY: '4',
      OPENOX_WORKER_HEARTBEAT_SECONDS: '1',
      OPENOX_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  workers.push(worker);
  return worker;
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('finishes every owner\'s journey with each message once after a worker is killed mid-way', { timeout: 480_000 }, async () => {
  const brand = await makeBrand(db, 'Crash test brand');
  const tag = randomUUID().slice(0, 8);
  await inBrand(db, brand.brandId, async (scope) => {
    for (const [key, subject] of [['crash-first', 'First'], ['crash-second', 'Second']]) {
      // Service notices: no consent, cap or quiet hour holds them, so every one must arrive now.
      await createTemplate(scope, systemActor, { key: key as string, name: key as string, channel: 'email', class: 'service', defaultLanguage: 'en', contents: { en: { subject: subject as string, body: `${subject} message for {{ owner.firstName }}.`, buttonLabel: null, buttonUrl: null } } });
    }
    const { journey } = await createJourney(scope, systemActor, {
      name: 'Crash test',
      definition: journeyDefinitionSchema.parse({
        trigger: { kind: 'event', event: 'crash_test.started', entry: 'per_event' },
        steps: [
          { id: 'first', type: 'send', channel: 'email', template: 'crash-first', next: 'pause' },
          { id: 'pause', type: 'wait', duration: { seconds: 2 }, next: 'second' },
          { id: 'second', type: 'send', channel: 'email', template: 'crash-second' },
        ],
      }),
    });
    await setJourneyStatus(scope, systemActor, journey.id, 'live');
    await sql`
      with made as (
        insert into owners (brand_id, email, name, country)
        select ${brand.brandId}, 'crash-' || ${tag} || '-' || i || '@example.com', 'Owner ' || i, 'US' from generate_series(1, ${owners}) as i
        returning id
      )
      insert into events (brand_id, type, subject_type, subject_id, payload)
      select ${brand.brandId}, 'crash_test.started', 'owner', id, jsonb_build_object('ownerId', id) from made`.execute(scope.db);
  });

  startWorkerProcess();
  const doomed = startWorkerProcess();
  const diagnose = async (error: unknown) => {
    const { rows } = await sql`select (select json_agg(x) from (select status, step_id, count(*) from journey_runs where brand_id = ${brand.brandId} group by 1, 2) x) runs, (select json_agg(y) from (select status, count(*) from messages where brand_id = ${brand.brandId} group by 1) y) messages, (select json_agg(z) from (select t.identifier, count(*), max(j.last_error), count(j.locked_by) locked, min(j.run_at) run_at from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id group by 1) z) jobs, (select json_agg(h) from worker_heartbeats h) beats`.execute(db);
    console.log(JSON.stringify(rows, null, 1));
    throw error;
  };
  await until('a quarter of the messages', () => mailbox.received.length >= owners / 2, 240_000).catch(diagnose);
  doomed.kill('SIGKILL');
  startWorkerProcess();

  const ours = () => mailbox.received.filter((mail) => mail.to && JSON.stringify(mail.to).includes(`crash-${tag}-`));
  const distinct = () => new Set(ours().map((mail) => mail.messageId)).size;
  await until('every message', () => distinct() >= owners * 2, Number(process.env.CRASH_TEST_WAIT_MS ?? 360_000)).catch(diagnose);

  const byOwner = new Map<string, Set<string>>();
  for (const mail of ours()) {
    const to = [mail.to].flat()[0]?.value[0]?.address ?? '';
    byOwner.set(to, (byOwner.get(to) ?? new Set()).add(`${mail.subject}|${mail.messageId}`));
  }
  expect(byOwner.size).toBe(owners);
  for (const [to, messages] of byOwner) expect([...messages].map((m) => m.split('|')[0]).sort(), to).toEqual(['First', 'Second']);
  // A message handed to SMTP just before the kill, and not yet marked sent, goes again after it with
  // the same Message-ID (which receiving servers drop); at most the dead worker's 4 in-flight ones.
  expect(ours().length - distinct()).toBeLessThanOrEqual(4);

  const state = await inBrand(db, brand.brandId, async (scope) => ({
    runs: await scope.db.selectFrom('journey_runs').select(['status']).where('status', '!=', 'completed').execute(),
    unsent: await scope.db.selectFrom('messages').select('status').where('template', 'like', 'crash-%').where('status', '!=', 'sent').execute(),
  }));
  expect(state).toEqual({ runs: [], unsent: [] });
});
