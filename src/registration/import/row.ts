import { checkGtin } from '../../catalog/gtin.ts';
import { manufactureDateFromSerial } from '../../catalog/manufacture-date.ts';
import { normaliseSerial } from '../../catalog/serial-mask.ts';
import type { ImportCatalog, ImportModel } from './catalog.ts';
import {
  Problem,
  parseConsent,
  parseCountry,
  parseEmail,
  parseLanguage,
  parseName,
  parseOptionalText,
  parsePhone,
  parsePurchaseDate,
  parseRegisteredAt,
  quote,
} from './fields.ts';
import type { ColumnPositions, ImportColumn } from './header.ts';

/** One line of an import file, checked and normalised, ready to be written. */
export interface ImportRow {
  readonly email: string;
  readonly name: string;
  readonly phone: string | null;
  readonly modelId: string;
  readonly serial: string | null;
  readonly purchaseDate: string | null;
  readonly retailer: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  readonly registeredAt: Date;
  /** Null when the line says nothing (or the model is under a safety rule, where consents are not recorded). */
  readonly emailConsent: boolean | null;
  readonly smsConsent: boolean | null;
  readonly language: string;
  readonly safetyOnly: boolean;
  readonly manufacturedOn: string | null;
}

export type RowCheck = { readonly ok: true; readonly row: ImportRow } | { readonly ok: false; readonly reason: string };

// NUL cannot be stored, and the other two separate values on their way to the database.
const controlCharacter = /[\x00\x1e\x1f]/;

/**
 * Checks one line against the brand's catalog: every problem of the line is named (not just the
 * first), so the person fixing the file fixes it once.
 */
export function checkRow(fields: readonly string[], positions: ColumnPositions, catalog: ImportCatalog, now: Date): RowCheck {
  if (fields.some((value) => controlCharacter.test(value))) {
    return { ok: false, reason: 'A value holds an invisible control character (such as NUL); remove it.' };
  }
  const problems: string[] = [];
  const field = (column: ImportColumn) => {
    const position = positions[column];
    return position < 0 ? '' : (fields[position] ?? '');
  };
  function valueOf<T>(column: ImportColumn, parsed: T | Problem): T | null {
    if (!(parsed instanceof Problem)) return parsed;
    problems.push(`${column}: ${parsed.reason}`);
    return null;
  }

  const email = valueOf('email', parseEmail(field('email')));
  const name = valueOf('name', parseName(field('name')));
  const country = valueOf('country', parseCountry(field('country')));
  const phone = valueOf('phone', parsePhone(field('phone'), country ?? catalog.defaultCountry));
  const model = identifyModel(field('gtin'), field('sku'), catalog, problems);
  const unit = model ? checkSerial(field('serial'), model, problems) : null;
  const purchaseDate = valueOf('purchase_date', parsePurchaseDate(field('purchase_date'), now));
  const retailer = valueOf('retailer', parseOptionalText(field('retailer'), 200));
  const postalCode = valueOf('postal_code', parseOptionalText(field('postal_code'), 20));
  const registeredAt = valueOf('registered_at', parseRegisteredAt(field('registered_at'), now)) ?? now;
  const language = valueOf('language', parseLanguage(field('language')));
  // A safety registration may be used for safety notices only: its consent answers are not recorded.
  const safetyOnly = model?.safetyOnly ?? false;
  const emailConsent = safetyOnly ? null : valueOf('email_consent', parseConsent(field('email_consent')));
  const smsConsent = safetyOnly ? null : valueOf('sms_consent', parseConsent(field('sms_consent')));
  if (smsConsent === true && phone === null && !field('phone').trim()) problems.push('sms_consent: is yes but the line has no phone number');

  if (problems.length > 0 || !email || !name || !model || !language) return { ok: false, reason: problems.join('; ') };
  return {
    ok: true,
    row: {
      email,
      name,
      phone,
      modelId: model.id,
      serial: unit?.serial ?? null,
      purchaseDate,
      retailer,
      postalCode,
      country,
      registeredAt,
      emailConsent,
      smsConsent,
      language,
      safetyOnly,
      manufacturedOn: unit?.manufacturedOn ?? null,
    },
  };
}

/** The model a GTIN or a SKU names; when both are given they must name the same one. */
function identifyModel(gtinText: string, skuText: string, catalog: ImportCatalog, problems: string[]): ImportModel | null {
  const gtinGiven = gtinText.trim() !== '';
  const sku = skuText.trim();
  if (!gtinGiven && !sku) {
    problems.push("gtin: give the product's GTIN (or its SKU in a sku column)");
    return null;
  }
  let byGtin: ImportModel | undefined;
  if (gtinGiven) {
    const check = checkGtin(gtinText);
    if (!check.valid) problems.push(`gtin: ${quote(gtinText)}: ${check.reason}`);
    else {
      byGtin = catalog.byGtin.get(check.gtin14);
      if (!byGtin) problems.push(`gtin: ${check.gtin14} is not the GTIN of any of your models`);
    }
  }
  let bySku: ImportModel | undefined;
  if (sku) {
    bySku = catalog.bySku.get(sku.toLowerCase());
    if (!bySku) problems.push(`sku: ${quote(sku)} is not the SKU of any of your models`);
  }
  if (byGtin && bySku && byGtin !== bySku) {
    problems.push(`sku: ${quote(sku)} is ${bySku.name}, but the GTIN is ${byGtin.name}`);
    return null;
  }
  return (gtinGiven ? byGtin : bySku) ?? null;
}

/** The serial, in capitals without spaces, and the date of manufacture it encodes, if any. */
function checkSerial(text: string, model: ImportModel, problems: string[]): { serial: string; manufacturedOn: string | null } | null {
  const serial = normaliseSerial(text);
  if (serial === '') {
    if (model.masks.length > 0) problems.push(`serial: is required for ${model.name} (${model.serialFormat})`);
    return null;
  }
  if (model.masks.length === 0) {
    if (serial.length > 64) problems.push('serial: is longer than 64 characters');
    return { serial, manufacturedOn: null };
  }
  const mask = model.masks.find((candidate) => candidate.pattern.test(serial));
  if (!mask) {
    problems.push(`serial: ${quote(text)} is not in the form of ${model.name} serial numbers: ${model.serialFormat}`);
    return null;
  }
  return { serial, manufacturedOn: mask.encodesDate ? manufactureDateFromSerial(serial, mask.tokens) : null };
}
