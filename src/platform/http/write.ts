import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, actorOf, requirePrincipal } from '../../access/principal.ts';
import type { Db } from '../database/database.ts';
import { type BrandScope, inBrand } from '../database/tenancy.ts';
import { ApiError } from './errors.ts';

export interface WriteResult<Body> {
  readonly status: number;
  readonly body: Body;
}

export interface WriteOptions<Body> {
  /** What identifies the request for Idempotency-Key reuse checks; defaults to the parsed JSON body. */
  readonly fingerprintOf?: unknown;
  /** What a replay may show again; e.g. a secret shown once is left out. */
  readonly replayable?: (body: Body) => unknown;
}

/**
 * Runs a change for the caller's brand in one transaction and sends its result. A POST carrying an
 * `Idempotency-Key` claims the key in that same transaction: a concurrent retry waits on the claim and
 * then replays the stored answer, and a change that fails leaves no claim behind, so a retry runs anew.
 */
export async function write<Body>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  change: (scope: BrandScope, actor: Actor) => Promise<WriteResult<Body>>,
  options: WriteOptions<Body> = {},
): Promise<void> {
  const principal = requirePrincipal(request);
  const actor = actorOf(request);
  const key = request.method === 'POST' ? idempotencyKeyOf(request) : null;

  const outcome = await inBrand(db, principal.brandId, async (scope) => {
    if (key === null) return { ...(await change(scope, actor)), replayed: false };

    const fingerprint = fingerprintOf(request, options.fingerprintOf ?? request.body);
    const claimed = await scope.db
      .insertInto('idempotency_keys')
      .values({ brand_id: scope.brandId, key, fingerprint, status_code: 0, response: null })
      .onConflict((conflict) => conflict.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const earlier = await scope.db
        .selectFrom('idempotency_keys')
        .select(['fingerprint', 'status_code', 'response'])
        .where('brand_id', '=', scope.brandId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (earlier.fingerprint !== fingerprint) throw new ApiError('idempotency_key_reused');
      return { status: earlier.status_code, body: earlier.response as Body, replayed: true };
    }

    const result = await change(scope, actor);
    const stored = options.replayable ? options.replayable(result.body) : result.body;
    await scope.db
      .updateTable('idempotency_keys')
      .set({ status_code: result.status, response: JSON.stringify(stored) })
      .where('brand_id', '=', scope.brandId)
      .where('key', '=', key)
      .execute();
    return { ...result, replayed: false };
  });

  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  await reply.code(outcome.status).send(outcome.body);
}

function idempotencyKeyOf(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(header)) {
    throw new ApiError('validation_failed', 'The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice).');
  }
  return header;
}

function fingerprintOf(request: FastifyRequest, identity: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(identity ?? null)).digest('base64url');
  return `${request.method} ${request.routeOptions.url} ${JSON.stringify(request.params)} ${hash}`;
}
