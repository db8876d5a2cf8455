import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { recordAudit } from './audit.ts';
import { roles } from './permissions.ts';
import { type Actor, apiKeyPattern } from './principal.ts';
import { newToken, sha256 } from './secrets.ts';
import type { AccessTables } from './tables.ts';

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the key after the system that will use it.').max(100),
  role: z.enum(roles).default('admin').meta({ description: 'What the key may do, as for a staff user with this role.' }),
});

export const apiKeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(roles),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
}).meta({ id: 'ApiKey' });

export const createdApiKeyView = apiKeyView
  .extend({ key: z.string().nullable().meta({ description: 'The key itself, shown this once (null on an idempotent replay).' }) })
  .meta({ id: 'CreatedApiKey' });

type ApiKeyRow = Selectable<AccessTables['api_keys']>;

function toView(row: ApiKeyRow): z.output<typeof apiKeyView> {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/** A new key: `oxk_<8-character prefix, shown in lists>_<256-bit secret>`. */
export function generateApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(12).toString('base64url').replace(/[-_]/g, '').slice(0, 8).padEnd(8, '0');
  const key = `oxk_${prefix}_${newToken()}`;
  return { key, prefix: `oxk_${prefix}` };
}

export async function createApiKey(scope: BrandScope, actor: Actor, input: z.output<typeof createApiKeyBody>, fixedKey?: string) {
  const { key, prefix } = fixedKey ? { key: fixedKey, prefix: fixedKey.slice(0, 12) } : generateApiKey();
  if (!apiKeyPattern.test(key)) throw new ApiError('validation_failed', 'An API key starts with oxk_ followed by 20 to 200 letters, digits, - or _.');
  const row = await scope.db
    .insertInto('api_keys')
    .values({ brand_id: scope.brandId, name: input.name, role: input.role, prefix, secret_hash: sha256(key), created_by: actor.type === 'staff' ? actor.id : null })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(scope, actor, { action: 'api_key.created', subjectType: 'api_key', subjectId: row.id, changes: { name: row.name, role: row.role, prefix } });
  return { ...toView(row), key };
}

export function listApiKeys(scope: BrandScope, page: { limit: number; cursor?: string | undefined }) {
  return keysetPage(scope.db.selectFrom('api_keys').selectAll().where('brand_id', '=', scope.brandId), page, toView);
}

export async function revokeApiKey(scope: BrandScope, actor: Actor, id: string) {
  const row = await scope.db
    .updateTable('api_keys')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(new Date())) }))
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no API key with this id in your brand.');
  await recordAudit(scope, actor, { action: 'api_key.revoked', subjectType: 'api_key', subjectId: id, changes: { name: row.name, prefix: row.prefix } });
  return toView(row);
}
