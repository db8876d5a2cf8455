import { z } from 'zod';
import { diff, recordAudit } from '../access/audit.ts';
import type { Actor } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
// Codes Intl names that are groupings or placeholders, not countries an owner lives in.
const notCountries = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO']);

/** Why `code` is not an ISO 3166-1 alpha-2 country code, or null when it is one. */
export function countryCodeProblem(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return `${JSON.stringify(code)} is not a country code: use two capital letters, such as US or CA.`;
  // Withdrawn codes (UK, YU) are canonicalised by Intl to their successors; say which one to use.
  const canonical = new Intl.Locale(`und-${code}`).region;
  if (canonical && canonical !== code) return `${code} is not an ISO country code; use ${canonical} (${regionNames.of(canonical) ?? canonical}).`;
  if (notCountries.has(code) || !regionNames.of(code)) return `${code} is not an ISO 3166 country code.`;
  return null;
}

const countryCode = z.string().trim().toUpperCase().superRefine((code, context) => {
  const problem = countryCodeProblem(code);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const webAddress = z.url({ protocol: /^https?$/, error: 'Give a full web address starting with https://.' }).max(2000).nullable();

const language = /^[a-z]{2}$/;

/** Overrides of shipped texts, keyed by `<COUNTRY>:<lang>` or `<channel>:<lang>`; each bad key or text is named. */
function textOverrides(describeKey: string, keyProblem: (key: string) => string | null, maxLength: number) {
  return z.record(z.string(), z.string()).superRefine((record, context) => {
    for (const [key, text] of Object.entries(record)) {
      const problem = keyProblem(key);
      if (problem) context.addIssue({ code: 'custom', path: [key], message: `${problem} Keys look like ${describeKey}.` });
      else if (!text.trim()) context.addIssue({ code: 'custom', path: [key], message: 'The text is empty; remove the override to use the shipped wording.' });
      else if (text.length > maxLength) context.addIssue({ code: 'custom', path: [key], message: `At most ${maxLength} characters (this has ${text.length}).` });
    }
  });
}

function rightsStatementKeyProblem(key: string): string | null {
  const [country = '', lang = '', ...rest] = key.split(':');
  if (rest.length > 0 || !language.test(lang)) return `${JSON.stringify(key)} is not <COUNTRY>:<language>.`;
  return countryCodeProblem(country);
}

function consentWordingKeyProblem(key: string): string | null {
  return /^(email|sms):[a-z]{2}$/.test(key) ? null : `${JSON.stringify(key)} is not email:<language> or sms:<language>.`;
}

const settingsFields = {
  retailers: z
    .array(z.string().trim().min(1, 'A retailer needs a name.').max(100, 'At most 100 characters.'))
    .max(200, 'At most 200 retailers.')
    .superRefine((names, context) => {
      const seen = new Set<string>();
      names.forEach((name, index) => {
        const folded = name.toLocaleLowerCase('en');
        if (seen.has(folded)) context.addIssue({ code: 'custom', path: [index], message: `${name} is listed twice.` });
        seen.add(folded);
      });
    })
    .meta({ description: 'Offered in the "where did you buy it" list; owners may still type another.' }),
  countries: z
    .array(countryCode)
    .min(1, 'Choose at least one country owners register from.')
    .max(250)
    .refine((codes) => new Set(codes).size === codes.length, 'A country is listed twice.')
    .meta({ description: 'ISO 3166-1 alpha-2 codes; the first is the default on the registration page.' }),
  supportEmail: z.email('Give a valid email address.').max(254).nullable(),
  supportPhone: z.string().trim().min(1, 'Give the number, or null for none.').max(50).nullable(),
  supportUrl: webAddress,
  accessoriesUrl: webAddress,
  reviewUrl: webAddress,
  rightsStatements: textOverrides("'US:en' or 'CA:fr'", rightsStatementKeyProblem, 2000).meta({
    description: "Replaces the shipped statement of the owner's rights for a country and language, keyed '<COUNTRY>:<language>'.",
  }),
  consentWordings: textOverrides("'email:en' or 'sms:es'", consentWordingKeyProblem, 1000).meta({
    description: "Replaces the shipped consent wording for a channel and language, keyed 'email:<language>' or 'sms:<language>'.",
  }),
};

const defaults: Omit<RegistrationSettings, 'updatedAt'> = {
  retailers: [],
  countries: ['US'],
  supportEmail: null,
  supportPhone: null,
  supportUrl: null,
  accessoriesUrl: null,
  reviewUrl: null,
  rightsStatements: {},
  consentWordings: {},
};

/** The whole settings document; a field left out is reset to its default. */
export const registrationSettingsBody = z.strictObject({
  retailers: settingsFields.retailers.default(defaults.retailers),
  countries: settingsFields.countries.default(defaults.countries),
  supportEmail: settingsFields.supportEmail.default(defaults.supportEmail),
  supportPhone: settingsFields.supportPhone.default(defaults.supportPhone),
  supportUrl: settingsFields.supportUrl.default(defaults.supportUrl),
  accessoriesUrl: settingsFields.accessoriesUrl.default(defaults.accessoriesUrl),
  reviewUrl: settingsFields.reviewUrl.default(defaults.reviewUrl),
  rightsStatements: settingsFields.rightsStatements.default(defaults.rightsStatements),
  consentWordings: settingsFields.consentWordings.default(defaults.consentWordings),
});
export type RegistrationSettingsInput = z.output<typeof registrationSettingsBody>;

export const registrationSettingsView = z.object({
  retailers: z.array(z.string()),
  countries: z.array(z.string()),
  supportEmail: z.string().nullable(),
  supportPhone: z.string().nullable(),
  supportUrl: z.string().nullable(),
  accessoriesUrl: z.string().nullable(),
  reviewUrl: z.string().nullable(),
  rightsStatements: z.record(z.string(), z.string()),
  consentWordings: z.record(z.string(), z.string()),
  updatedAt: z.string().nullable().meta({ description: 'Null while the brand still uses the defaults.' }),
}).meta({ id: 'RegistrationSettings' });
export type RegistrationSettings = z.output<typeof registrationSettingsView>;

/** What the brand's registration page shows and asks, with defaults for anything never set. */
export async function registrationSettingsOf(scope: BrandScope): Promise<RegistrationSettings> {
  const row = await scope.db.selectFrom('registration_settings').selectAll().where('brand_id', '=', scope.brandId).executeTakeFirst();
  if (!row) return { ...defaults, updatedAt: null };
  return {
    retailers: row.retailers,
    countries: row.countries,
    supportEmail: row.support_email,
    supportPhone: row.support_phone,
    supportUrl: row.support_url,
    accessoriesUrl: row.accessories_url,
    reviewUrl: row.review_url,
    rightsStatements: row.rights_statements,
    consentWordings: row.consent_wordings,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function saveRegistrationSettings(scope: BrandScope, actor: Actor, input: RegistrationSettingsInput): Promise<RegistrationSettings> {
  const { updatedAt: _before, ...before } = await registrationSettingsOf(scope);
  const columns = {
    retailers: input.retailers,
    countries: input.countries,
    support_email: input.supportEmail,
    support_phone: input.supportPhone,
    support_url: input.supportUrl,
    accessories_url: input.accessoriesUrl,
    review_url: input.reviewUrl,
    rights_statements: input.rightsStatements,
    consent_wordings: input.consentWordings,
    updated_at: new Date(),
  };
  await scope.db
    .insertInto('registration_settings')
    .values({ brand_id: scope.brandId, ...columns })
    .onConflict((conflict) => conflict.column('brand_id').doUpdateSet(columns))
    .execute();
  const after = await registrationSettingsOf(scope);
  const { updatedAt: _after, ...afterFields } = after;
  const changes = diff(before, afterFields);
  if (Object.keys(changes).length > 0) {
    await recordAudit(scope, actor, { action: 'registration_settings.updated', subjectType: 'registration_settings', subjectId: scope.brandId, changes });
  }
  return after;
}
