// Signing of outbound webhooks after the Standard Webhooks specification (standardwebhooks.com):
// a receiver can tell a call came from OpenOX, unchanged, and recently. Pure functions; the secrets
// are kept by webhook-signing-secrets.ts.
import { createHmac, randomBytes } from 'node:crypto';

const secretPrefix = 'whsec_';
/** 32 random bytes: the specification asks for 24 to 64. */
const secretBytes = 32;
/** After a rotation the previous secret signs beside the new one for this long, so receivers can switch over. */
export const previousSecretGraceMs = 24 * 60 * 60 * 1000;

/** A new signing secret as receivers are given it: `whsec_` and the base64 of the key. */
export function newSigningSecret(): string {
  return `${secretPrefix}${randomBytes(secretBytes).toString('base64')}`;
}

/** One `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` signature. */
export function signatureOf(secret: string, id: string, timestamp: number, body: string): string {
  if (!secret.startsWith(secretPrefix)) throw new Error('A signing secret starts with whsec_.');
  const key = Buffer.from(secret.slice(secretPrefix.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * The three headers of a signed call. The id stays the same on every retry (receivers drop repeats by
 * it); the timestamp is the attempt's, in Unix seconds; one signature per secret, space-separated.
 */
export function webhookSignatureHeaders(message: { readonly id: string; readonly body: string }, secrets: readonly string[], at: Date): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  if (message.id.includes('.')) throw new Error('A webhook id must not contain a full stop: it delimits the signed content.');
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => signatureOf(secret, message.id, timestamp, message.body)).join(' '),
  };
}

export interface StoredSigningSecret {
  readonly secret: string;
  readonly previousSecret: string | null;
  readonly previousExpiresAt: Date | null;
}

/** The secrets that sign a call made at `now`: the current one, and the previous one until it expires. */
export function secretsSigningAt(stored: StoredSigningSecret, now: Date): string[] {
  const previousValid = stored.previousSecret !== null && stored.previousExpiresAt !== null && now < stored.previousExpiresAt;
  return previousValid ? [stored.secret, stored.previousSecret as string] : [stored.secret];
}
