import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { diff, recordAudit } from './audit.ts';
import { roles } from './permissions.ts';
import type { Actor } from './principal.ts';
import { hashPassword } from './secrets.ts';
import type { AccessTables } from './tables.ts';

const password = z.string().min(10, 'Use at least 10 characters.').max(200);

export const createStaffBody = z.strictObject({
  email: z.email('Enter a valid email address.').max(320).transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1, 'Enter their name.').max(200),
  role: z.enum(roles),
  password: password.meta({ description: 'The first password; tell it to them by a separate channel.' }),
});

export const updateStaffBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  disabled: z.boolean().meta({ description: 'A disabled user cannot sign in; their sessions end at once.' }),
  password,
}).partial();

export const staffView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
}).meta({ id: 'StaffUser' });
export type StaffView = z.output<typeof staffView>;

type StaffRow = Selectable<AccessTables['staff_users']>;

function toView(row: StaffRow): StaffView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled_at !== null,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export function listStaff(scope: BrandScope, page: { limit: number; cursor?: string | undefined }) {
  return keysetPage(scope.db.selectFrom('staff_users').selectAll().where('brand_id', '=', scope.brandId), page, toView);
}

async function findStaff(scope: BrandScope, id: string): Promise<StaffRow> {
  const row = await scope.db.selectFrom('staff_users').selectAll().where('brand_id', '=', scope.brandId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no staff user with this id in your brand.');
  return row;
}

export async function createStaff(scope: BrandScope, actor: Actor, input: z.output<typeof createStaffBody>): Promise<StaffView> {
  const taken = await scope.db.selectNoFrom((eb) => eb.fn<boolean>('staff_email_taken', [eb.val(input.email)]).as('taken')).executeTakeFirstOrThrow();
  if (taken.taken) throw new ApiError('conflict', `${input.email} already has a staff account. Each person signs in with one email.`, { field: 'email' });
  const row = await scope.db
    .insertInto('staff_users')
    .values({ brand_id: scope.brandId, email: input.email, name: input.name, role: input.role, password_hash: await hashPassword(input.password) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(scope, actor, { action: 'staff_user.created', subjectType: 'staff_user', subjectId: row.id, changes: { email: row.email, name: row.name, role: row.role } });
  return toView(row);
}

export async function updateStaff(scope: BrandScope, actor: Actor, id: string, input: z.output<typeof updateStaffBody>): Promise<StaffView> {
  const before = await findStaff(scope, id);
  const losesAdmin = before.role === 'admin' && !before.disabled_at && ((input.role && input.role !== 'admin') || input.disabled === true);
  if (losesAdmin) {
    const { admins } = await scope.db
      .selectFrom('staff_users')
      .select((eb) => eb.fn.countAll<number>().as('admins'))
      .where('brand_id', '=', scope.brandId)
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (admins <= 1) throw new ApiError('conflict', 'This is the last active admin of the brand; make someone else an admin first.');
  }
  const row = await scope.db
    .updateTable('staff_users')
    .set({
      name: input.name,
      role: input.role,
      disabled_at: input.disabled === undefined ? undefined : input.disabled ? (before.disabled_at ?? new Date()) : null,
      password_hash: input.password ? await hashPassword(input.password) : undefined,
      updated_at: new Date(),
    })
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.disabled || input.password) {
    // Access ends now, not when the cookie expires.
    await scope.db.deleteFrom('staff_sessions').where('brand_id', '=', scope.brandId).where('user_id', '=', id).execute();
  }
  const changes: Record<string, unknown> = diff(toView(before), toView(row));
  if (input.password) changes.password = 'changed';
  await recordAudit(scope, actor, { action: 'staff_user.updated', subjectType: 'staff_user', subjectId: id, changes });
  return toView(row);
}
