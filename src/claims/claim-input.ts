import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { FieldProblem } from '../registration/registration-form.ts';
import type { ContactChannel } from './tables.ts';

export const contactChannels: readonly ContactChannel[] = ['email', 'sms', 'phone'];
export const maxDescriptionLength = 4000;

/** A claim as an owner or an agent wrote it, every value as given. */
export interface ClaimInput {
  readonly problemCategory?: string | undefined;
  readonly description?: string | undefined;
  readonly videoUrl?: string | null | undefined;
  readonly contactChannels: readonly string[];
  readonly contactPhone?: string | null | undefined;
}

/** A claim's details once checked: trimmed, the phone in E.164, the video link a web address. */
export interface CheckedClaim {
  readonly problemCategory: string;
  readonly description: string;
  readonly videoUrl: string | null;
  readonly contactChannels: readonly ContactChannel[];
  readonly contactPhone: string | null;
}

/** The fields of the owner's claim form; the API names them differently (see apiFieldOf). */
export type ClaimField = 'problem' | 'description' | 'video_url' | 'contact' | 'phone';

export type ClaimCheck =
  | { readonly ok: true; readonly claim: CheckedClaim }
  | { readonly ok: false; readonly problems: Readonly<Partial<Record<ClaimField, FieldProblem>>> };

/**
 * Checks what an owner (or an agent for them) wrote in a claim: a problem from the product's list, a
 * description, an optional web link to a video, and at least one way to be reached, with a phone number
 * that can take calls or texts when they chose those. Pure; `country` decides how a local number reads.
 */
export function checkClaimInput(input: ClaimInput, rules: { readonly problemCodes: readonly string[]; readonly country: string | null }): ClaimCheck {
  const problems: Partial<Record<ClaimField, FieldProblem>> = {};
  const problemCategory = (input.problemCategory ?? '').trim();
  if (!problemCategory) problems.problem = { key: 'claims.errors.problem_required' };
  else if (!rules.problemCodes.includes(problemCategory)) problems.problem = { key: 'claims.errors.problem_unknown' };

  const description = (input.description ?? '').trim();
  if (!description) problems.description = { key: 'claims.errors.description_required' };
  else if (description.length > maxDescriptionLength) problems.description = { key: 'claims.errors.description_too_long', values: { max: String(maxDescriptionLength) } };

  const videoUrl = (input.videoUrl ?? '').trim() || null;
  if (videoUrl !== null && !isWebAddress(videoUrl)) problems.video_url = { key: 'claims.errors.video_url_invalid' };

  const chosen = contactChannels.filter((channel) => input.contactChannels.includes(channel));
  if (chosen.length === 0 || input.contactChannels.some((channel) => !contactChannels.includes(channel as ContactChannel))) {
    problems.contact = { key: 'claims.errors.contact_required' };
  }

  let contactPhone: string | null = null;
  const phone = (input.contactPhone ?? '').trim();
  if (phone) {
    const parsed = parsePhoneNumberFromString(phone, (rules.country ?? 'US') as CountryCode);
    if (parsed?.isValid()) contactPhone = parsed.number;
    else problems.phone = { key: 'claims.errors.phone_invalid' };
  } else if (chosen.includes('sms') || chosen.includes('phone')) {
    problems.phone = { key: 'claims.errors.phone_required' };
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, claim: { problemCategory, description, videoUrl, contactChannels: chosen, contactPhone } };
}

function isWebAddress(value: string): boolean {
  if (value.length > 500) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** The API's name for a form field, for a validation error to point at the request's own field. */
export const apiFieldOf: Readonly<Record<ClaimField, string>> = {
  problem: 'problemCategory',
  description: 'description',
  video_url: 'videoUrl',
  contact: 'contactChannels',
  phone: 'contactPhone',
};

/** The API's words for each problem (the owner's pages use the translated `claims.errors.*` texts). */
export const apiMessages: Readonly<Record<string, string>> = {
  'claims.errors.problem_required': 'Choose what is wrong: one of the problem categories of this product.',
  'claims.errors.problem_unknown': "This is not one of the problem categories of this product's category; GET /api/v1/claim-categories lists them.",
  'claims.errors.description_required': 'Describe the problem.',
  'claims.errors.description_too_long': `Use at most ${maxDescriptionLength} characters.`,
  'claims.errors.video_url_invalid': 'Give a web address (https://…) of the video, or leave it out.',
  'claims.errors.contact_required': 'Choose at least one way to be reached: email, sms or phone.',
  'claims.errors.phone_required': 'To be reached by text or phone call, give a phone number.',
  'claims.errors.phone_invalid': 'This is not a phone number that can be reached; give it with its area code (and +country code outside the owner\'s country).',
};
