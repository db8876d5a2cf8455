import { sql } from 'kysely';
import { queueMessage } from '../messaging/queue-message.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import type { StepEffect } from './step-decision.ts';

/** A template rendered for one owner, ready to queue; `recipient` is null when the owner has no address on the channel. */
export interface RenderedForOwner {
  readonly class: 'safety' | 'service' | 'marketing';
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly recipient: string | null;
}

export interface RenderRequest {
  readonly templateKey: string;
  readonly channel: 'email' | 'sms';
  readonly ownerId: string;
  readonly ownershipId: string | null;
  readonly offer: Readonly<Record<string, string>> | null;
  /** utm_campaign of the message's tracked links. */
  readonly campaign: string;
  /** The key the message will be queued with; null for a preview, which stores nothing. */
  readonly dedupeKey: string | null;
}

/** What the engine needs from outside journeys to carry out steps. */
export interface StepEffects {
  /** Renders a brand template for an owner, or says why it cannot (no such template, content that does not fit). */
  readonly render: (scope: BrandScope, request: RenderRequest) => Promise<{ readonly ok: true; readonly message: RenderedForOwner } | { readonly ok: false; readonly reason: string }>;
}

export interface StepContext {
  readonly runId: string;
  readonly stepId: string;
  readonly journeyId: string;
  /** utm_campaign of the step's messages: the journey's name as a slug. */
  readonly campaign: string;
  readonly ownerId: string;
  readonly ownershipId: string | null;
}

/**
 * Carries out a step's effect in the run's transaction. Messages are queued with the key
 * `journey:<run>:<step>`, which the messages table holds unique per brand: the transport can never be
 * handed the same step's message twice. Consent, caps and quiet hours are decided at send time.
 */
export async function carryOut(scope: BrandScope, effects: StepEffects, step: StepContext, effect: StepEffect): Promise<{ outcome: string; messageId: string | null }> {
  switch (effect.kind) {
    case 'send': {
      const dedupeKey = `journey:${step.runId}:${step.stepId}`;
      const render = await effects.render(scope, {
        templateKey: effect.template,
        channel: effect.channel,
        ownerId: step.ownerId,
        ownershipId: step.ownershipId,
        offer: effect.offer,
        campaign: step.campaign,
        dedupeKey,
      });
      // The run goes on: one template the brand broke after publishing must not hold every owner up.
      if (!render.ok) return { outcome: 'unrenderable', messageId: null };
      const rendered = render.message;
      if (!rendered.recipient) return { outcome: 'no_address', messageId: null };
      const queued = await queueMessage(scope, {
        ownerId: step.ownerId,
        channel: effect.channel,
        class: rendered.class,
        template: effect.template,
        dedupeKey,
        recipient: rendered.recipient,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
      });
      const messageId = queued ?? (await scope.db.selectFrom('messages').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirstOrThrow()).id;
      return { outcome: 'sent', messageId };
    }
    case 'update': {
      if (effect.stage && step.ownershipId) {
        await scope.db.updateTable('ownerships').set({ stage: effect.stage as never, updated_at: new Date() }).where('id', '=', step.ownershipId).execute();
      }
      if (effect.attribute) {
        const patch = JSON.stringify({ [effect.attribute.name]: effect.attribute.value });
        await sql`update owners set attributes = attributes || ${patch}::jsonb, updated_at = now() where id = ${step.ownerId}`.execute(scope.db);
      }
      return { outcome: 'done', messageId: null };
    }
    case 'webhook': {
      const payload = { journeyId: step.journeyId, runId: step.runId, stepId: step.stepId, ownerId: step.ownerId, ownershipId: step.ownershipId };
      await scope.db
        .insertInto('journey_webhook_calls')
        .values({ brand_id: scope.brandId, run_id: step.runId, step_id: step.stepId, url: effect.url, payload: JSON.stringify(payload) })
        .onConflict((conflict) => conflict.columns(['run_id', 'step_id']).doNothing())
        .execute();
      return { outcome: 'done', messageId: null };
    }
    case 'task': {
      await scope.db
        .insertInto('agent_tasks')
        .values({ brand_id: scope.brandId, owner_id: step.ownerId, ownership_id: step.ownershipId, title: effect.title, details: effect.details, run_id: step.runId, step_id: step.stepId })
        .onConflict((conflict) => conflict.columns(['run_id', 'step_id']).doNothing())
        .execute();
      return { outcome: 'done', messageId: null };
    }
  }
}
