import type { Selectable } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../access/audit.ts';
import type { Actor } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import type { JourneyTables } from './tables.ts';
import { type StoredSigningSecret, newSigningSecret, previousSecretGraceMs } from './webhook-signature.ts';

type SecretRow = Selectable<JourneyTables['webhook_signing_secrets']>;

/** The brand's signing secret, made on first need (by whichever transaction gets there first). */
async function secretRowOf(scope: BrandScope): Promise<SecretRow> {
  await scope.db
    .insertInto('webhook_signing_secrets')
    .values({ brand_id: scope.brandId, secret: newSigningSecret() })
    .onConflict((conflict) => conflict.column('brand_id').doNothing())
    .execute();
  return scope.db.selectFrom('webhook_signing_secrets').selectAll().where('brand_id', '=', scope.brandId).executeTakeFirstOrThrow();
}

/** What signs the brand's webhook calls, as webhook-signature.ts reads it. */
export async function signingSecretOf(scope: BrandScope): Promise<StoredSigningSecret> {
  const row = await secretRowOf(scope);
  return { secret: row.secret, previousSecret: row.previous_secret, previousExpiresAt: row.previous_expires_at };
}

export const signingSecretView = z
  .object({
    secret: z.string().meta({ description: 'Give this to the receiver: `whsec_` and the base64 of the HMAC-SHA256 key.' }),
    createdAt: z.string(),
    rotatedAt: z.string().nullable(),
    previousSecretSignsUntil: z.string().nullable().meta({ description: 'After a rotation, calls also carry a signature made with the previous secret, until then.' }),
  })
  .meta({ id: 'WebhookSigningSecret' });
export type SigningSecretView = z.infer<typeof signingSecretView>;

function viewOf(row: SecretRow, now: Date): SigningSecretView {
  const previousLive = row.previous_expires_at !== null && row.previous_expires_at > now;
  return {
    secret: row.secret,
    createdAt: row.created_at.toISOString(),
    rotatedAt: row.rotated_at?.toISOString() ?? null,
    previousSecretSignsUntil: previousLive ? (row.previous_expires_at?.toISOString() ?? null) : null,
  };
}

export async function showSigningSecret(scope: BrandScope, now = new Date()): Promise<SigningSecretView> {
  return viewOf(await secretRowOf(scope), now);
}

/**
 * A new secret signs from now on; the one it replaces keeps signing beside it for 24 hours. A second
 * rotation within those hours drops the oldest secret at once: only one previous secret is kept.
 */
export async function rotateSigningSecret(scope: BrandScope, actor: Actor, now = new Date()): Promise<SigningSecretView> {
  await secretRowOf(scope);
  const previousExpiresAt = new Date(now.getTime() + previousSecretGraceMs);
  // `previous_secret = secret` reads the row as the update finds it: two rotations at once queue on
  // the row, and the second keeps the first one's secret as its previous.
  const rotated = await scope.db
    .updateTable('webhook_signing_secrets')
    .set((eb) => ({ previous_secret: eb.ref('secret'), secret: newSigningSecret(), previous_expires_at: previousExpiresAt, rotated_at: now }))
    .where('brand_id', '=', scope.brandId)
    .returningAll()
    .executeTakeFirstOrThrow();
  // Never the secrets themselves: the audit log is read more widely than this page.
  await recordAudit(scope, actor, {
    action: 'webhook_signing_secret.rotated',
    subjectType: 'webhook_signing_secret',
    subjectId: null,
    changes: { previousSecretSignsUntil: previousExpiresAt.toISOString() },
  });
  return viewOf(rotated, now);
}
