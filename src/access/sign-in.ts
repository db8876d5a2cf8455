import { sql } from 'kysely';
import type { Db } from '../platform/database/database.ts';
import { ApiError } from '../platform/http/errors.ts';
import { newToken, sha256, spendPasswordCheck, verifyPassword } from './secrets.ts';

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

/** Guessing limits over the last 15 minutes: per account, and per address across accounts. */
export const signInLimits = { windowMinutes: 15, failuresPerEmail: 5, failuresPerIp: 30 } as const;

/**
 * Checks an email and password and opens a session. Attempts are counted in the database, so the
 * limit holds across every web process.
 */
export async function signIn(db: Db, email: string, password: string, ip: string | null): Promise<{ token: string; userId: string }> {
  const since = sql<Date>`now() - make_interval(mins => ${signInLimits.windowMinutes})`;
  const { byEmail, byIp } = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('email', '=', email).as('byEmail'),
      eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('byIp'),
    ])
    .where('succeeded', '=', false)
    .where('attempted_at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  if (byEmail >= signInLimits.failuresPerEmail || byIp >= signInLimits.failuresPerIp) {
    throw new ApiError('too_many_attempts', `Too many failed sign-ins; wait ${signInLimits.windowMinutes} minutes and try again, or ask an admin to reset your password.`);
  }

  const user = await db.selectFrom('staff_users').select(['id', 'brand_id', 'password_hash', 'disabled_at']).where('email', '=', email).executeTakeFirst();
  const valid = user ? await verifyPassword(user.password_hash, password) : (await spendPasswordCheck(password), false);
  await db.insertInto('sign_in_attempts').values({ email, ip, succeeded: valid && !user?.disabled_at }).execute();
  if (!user || !valid) throw new ApiError('invalid_credentials');
  if (user.disabled_at) throw new ApiError('invalid_credentials', 'This staff account is disabled; ask an admin of your brand.');

  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff_sessions')
      .values({ brand_id: user.brand_id, user_id: user.id, token_hash: sha256(token), expires_at: new Date(Date.now() + sessionLifetimeMs) })
      .execute();
    await trx.updateTable('staff_users').set({ last_sign_in_at: new Date() }).where('id', '=', user.id).execute();
  });
  return { token, userId: user.id };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', sha256(token)).execute();
}
