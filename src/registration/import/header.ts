/** The columns an import file may have, in the order the documentation lists them. */
export const importColumns = [
  'email',
  'name',
  'phone',
  'gtin',
  'sku',
  'serial',
  'purchase_date',
  'retailer',
  'postal_code',
  'country',
  'registered_at',
  'email_consent',
  'sms_consent',
  'language',
  // The column a download of rejected lines adds: such a file, once fixed, can be uploaded as it is.
  'reason',
] as const;
export type ImportColumn = (typeof importColumns)[number];

/** Where each column is in a line, or -1 where the file has no such column. */
export type ColumnPositions = Readonly<Record<ImportColumn, number>>;

export type HeaderCheck =
  | { readonly ok: true; readonly positions: ColumnPositions; readonly hasConsentColumns: boolean }
  | { readonly ok: false; readonly reason: string };

const accepted = `The columns an import may have are: ${importColumns.join(', ')}.`;

/** Reads a file's first line: names in any order and any case; every name known, none twice. */
export function readHeader(fields: readonly string[]): HeaderCheck {
  const names = fields.map((field, i) => (i === 0 ? field.replace(/^\uFEFF/, '') : field).trim().toLowerCase());
  if (names.every((name) => name === '')) {
    return { ok: false, reason: `The first line of the file must name its columns, e.g. email,name,gtin,serial. ${accepted}` };
  }
  const unknown = names.filter((name) => !(importColumns as readonly string[]).includes(name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => (name === '' ? '(an empty column name)' : `"${name}"`)).join(', ');
    return { ok: false, reason: `Unknown column${unknown.length > 1 ? 's' : ''} ${list}. ${accepted}` };
  }
  // Reason columns are ignored, however many rounds of fixing a file has been through.
  const twice = names.find((name, i) => name !== 'reason' && names.indexOf(name) !== i);
  if (twice) return { ok: false, reason: `The column "${twice}" appears twice; keep one.` };

  const positions = Object.fromEntries(importColumns.map((column) => [column, names.indexOf(column)])) as Record<ImportColumn, number>;
  const missing = (['email', 'name'] as const).filter((column) => positions[column] < 0);
  if (missing.length > 0) return { ok: false, reason: `The file needs ${missing.map((column) => `${column === 'email' ? 'an' : 'a'} "${column}" column`).join(' and ')}. ${accepted}` };
  if (positions.gtin < 0 && positions.sku < 0) {
    return { ok: false, reason: `The file needs a "gtin" or a "sku" column to say which product each line registers. ${accepted}` };
  }
  return { ok: true, positions, hasConsentColumns: positions.email_consent >= 0 || positions.sms_consent >= 0 };
}
