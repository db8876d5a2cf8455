import { z } from 'zod';
import { diff, recordAudit } from '../../access/audit.ts';
import type { Actor } from '../../access/principal.ts';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import type { SendPolicy } from '../policy/send-decision.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day as HH:MM, e.g. 21:00.');

const caps = z
  .array(
    z.strictObject({
      limit: z.int().min(1, 'At least 1; to send no marketing on a channel, send none there.').max(100),
      periodHours: z.int().min(1).max(24 * 90).meta({ description: 'A rolling window: 24 is "a day", 168 "a week".' }),
    }),
  )
  .max(5, 'At most 5 caps per channel.');

const defaults = {
  emailCaps: [{ limit: 1, periodHours: 24 }, { limit: 3, periodHours: 168 }],
  smsCaps: [{ limit: 1, periodHours: 24 }],
  emailQuietHours: { start: '21:00', end: '08:00' },
  marketingExpiryHours: 72,
  smsFrom: null,
  smsProgram: null,
  smsFrequency: null,
} as const;

/** The whole settings document; a field left out goes back to its default. */
export const messagingSettingsBody = z.strictObject({
  emailCaps: caps.default(defaults.emailCaps.map((cap) => ({ ...cap }))).meta({ description: 'Marketing emails per owner per rolling period; service and safety messages are not counted.' }),
  smsCaps: caps.default(defaults.smsCaps.map((cap) => ({ ...cap }))).meta({ description: 'Marketing texts per owner per rolling period.' }),
  emailQuietHours: z
    .strictObject({ start: time, end: time })
    .nullable()
    .default({ ...defaults.emailQuietHours })
    .meta({ description: "No marketing email in these hours of the owner's local time (21:00–08:00 runs over midnight); null for none. Texts follow each country's and US state's own hours." }),
  marketingExpiryHours: z.int().min(1).max(720).default(defaults.marketingExpiryHours).meta({
    description: 'A held marketing message that cannot go within this many hours of being queued expires (a message may set its own expiry).',
  }),
  smsFrom: z.string().regex(/^\+[1-9]\d{6,14}$/, 'An E.164 number such as +14155550100.').nullable().default(defaults.smsFrom).meta({
    description: "The brand's own sending number; null: the platform's (OPENOX_SMS_FROM).",
  }),
  smsProgram: z.string().trim().min(1).max(80).nullable().default(defaults.smsProgram).meta({ description: 'The programme name HELP answers with; null: "<brand> alerts".' }),
  smsFrequency: z.string().trim().min(1).max(80).nullable().default(defaults.smsFrequency).meta({ description: 'How often texts come, as HELP says it; null: "Msg frequency varies".' }),
});
export type MessagingSettingsInput = z.output<typeof messagingSettingsBody>;

export const messagingSettingsView = z.object({
  emailCaps: z.array(z.object({ limit: z.number().int(), periodHours: z.number().int() })),
  smsCaps: z.array(z.object({ limit: z.number().int(), periodHours: z.number().int() })),
  emailQuietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  marketingExpiryHours: z.number().int(),
  smsFrom: z.string().nullable(),
  smsProgram: z.string().nullable(),
  smsFrequency: z.string().nullable(),
  updatedAt: z.string().nullable().meta({ description: 'Null while the brand still uses the defaults.' }),
}).meta({ id: 'MessagingSettings' });
export type MessagingSettings = z.output<typeof messagingSettingsView>;

/** OpenOX's rules for a brand that never set its own. */
export const defaultMessagingSettings: MessagingSettings = { ...messagingSettingsBody.parse({}), updatedAt: null };

/** A brand's messaging rules, with OpenOX's defaults for a brand that never set them. */
export async function messagingSettingsOf(scope: BrandScope): Promise<MessagingSettings> {
  const row = await scope.db.selectFrom('messaging_settings').selectAll().where('brand_id', '=', scope.brandId).executeTakeFirst();
  if (!row) return defaultMessagingSettings;
  return {
    emailCaps: row.email_caps as MessagingSettings['emailCaps'],
    smsCaps: row.sms_caps as MessagingSettings['smsCaps'],
    emailQuietHours: row.email_quiet_hours as MessagingSettings['emailQuietHours'],
    marketingExpiryHours: row.marketing_expiry_hours,
    smsFrom: row.sms_from,
    smsProgram: row.sms_program,
    smsFrequency: row.sms_frequency,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function saveMessagingSettings(scope: BrandScope, actor: Actor, input: MessagingSettingsInput): Promise<MessagingSettings> {
  const { updatedAt: _before, ...before } = await messagingSettingsOf(scope);
  const columns = {
    email_caps: JSON.stringify(input.emailCaps),
    sms_caps: JSON.stringify(input.smsCaps),
    email_quiet_hours: input.emailQuietHours ? JSON.stringify(input.emailQuietHours) : null,
    marketing_expiry_hours: input.marketingExpiryHours,
    sms_from: input.smsFrom,
    sms_program: input.smsProgram,
    sms_frequency: input.smsFrequency,
    updated_at: new Date(),
  };
  await scope.db
    .insertInto('messaging_settings')
    .values({ brand_id: scope.brandId, ...columns })
    .onConflict((conflict) => conflict.column('brand_id').doUpdateSet(columns))
    .execute();
  const after = await messagingSettingsOf(scope);
  const { updatedAt: _after, ...afterFields } = after;
  const changes = diff(before, afterFields);
  if (Object.keys(changes).length > 0) {
    await recordAudit(scope, actor, { action: 'messaging_settings.updated', subjectType: 'messaging_settings', subjectId: scope.brandId, changes });
  }
  return after;
}

/** The part of the settings the send-time decision applies. */
export function sendPolicyOf(settings: MessagingSettings): SendPolicy {
  return {
    caps: { email: settings.emailCaps, sms: settings.smsCaps },
    emailQuietHours: settings.emailQuietHours,
    marketingExpiryHours: settings.marketingExpiryHours,
  };
}
