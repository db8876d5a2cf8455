import type { Task } from 'graphile-worker';
import { z } from 'zod';
import type { Db } from '../platform/database/database.ts';
import { asBrandId, inBrand } from '../platform/database/tenancy.ts';
import { todayUtc } from '../platform/calendar.ts';
import { advanceRun } from './advance-run.ts';
import { enterDueOwners } from './date-triggers.ts';
import type { StepEffects } from './step-effects.ts';
import { secretsSigningAt, webhookSignatureHeaders } from './webhook-signature.ts';
import { signingSecretOf } from './webhook-signing-secrets.ts';

const advancePayload = z.object({ runId: z.uuid(), brandId: z.uuid() });
const webhookPayload = z.object({ callId: z.uuid(), brandId: z.uuid() });
const webhookAttempts = 12;
const webhookTimeoutMs = 10_000;

/**
 * The queue tasks of journeys: `journey_advance` moves one run (its job is the run's timer),
 * `journey_date_triggers` enters owners whose date has come (daily), and `journey_webhook` calls a
 * brand's webhook for a step, signed with the brand's secret, retried with backoff until it answers 2xx.
 */
export function journeyTasks(db: Db, effects: StepEffects): Record<'journey_advance' | 'journey_date_triggers' | 'journey_webhook', Task> {
  return {
    journey_advance: async (payload) => {
      const { runId, brandId } = advancePayload.parse(payload);
      await advanceRun(db, effects, asBrandId(brandId), runId);
    },
    journey_date_triggers: async () => void (await enterDueOwners(db, todayUtc())),
    journey_webhook: async (payload) => {
      const { callId, brandId } = webhookPayload.parse(payload);
      // The attempt is recorded and committed first; only then does the job fail, to be retried.
      const failed = await inBrand(db, asBrandId(brandId), async (scope) => {
        const call = await scope.db.selectFrom('journey_webhook_calls').selectAll().where('id', '=', callId).forUpdate().executeTakeFirst();
        if (!call || call.status !== 'pending') return null;
        const secrets = secretsSigningAt(await signingSecretOf(scope), new Date());
        const attempt = await callWebhook(call.url, call.id, call.payload, secrets);
        const attempts = call.attempts + 1;
        const status = attempt.ok ? 'delivered' : attempts >= webhookAttempts ? 'failed' : 'pending';
        await scope.db
          .updateTable('journey_webhook_calls')
          .set({ status, attempts, last_status: attempt.status, last_error: attempt.error, ...(attempt.ok ? { delivered_at: new Date() } : {}) })
          .where('id', '=', callId)
          .execute();
        return status === 'pending' ? `Webhook ${call.url} answered ${attempt.error}; it will be tried again.` : null;
      });
      if (failed) throw new Error(failed);
    },
  };
}

/**
 * One POST, signed after Standard Webhooks. The call's id is both `webhook-id` and the Idempotency-Key,
 * the same on every retry, so the receiver can drop repeats; the timestamp and signatures are the attempt's.
 */
async function callWebhook(url: string, callId: string, payload: unknown, secrets: readonly string[]): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  // The bytes signed are the bytes sent.
  const body = JSON.stringify(payload);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': callId,
        'user-agent': 'OpenOX journeys',
        ...webhookSignatureHeaders({ id: callId, body }, secrets, new Date()),
      },
      body,
      signal: AbortSignal.timeout(webhookTimeoutMs),
      redirect: 'manual',
    });
    await response.body?.cancel();
    return { ok: response.ok, status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, status: null, error: String((error as Error).message ?? error).slice(0, 500) };
  }
}
