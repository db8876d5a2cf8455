// Display formatting shared by the tables.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

// Calendar dates (YYYY-MM-DD) name a day, not an instant: format them in UTC so no time zone shifts the day.
const calendarDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDay(day: string | null | undefined): string {
  return day ? calendarDay.format(new Date(`${day}T00:00:00Z`)) : '—';
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** `CA` → `Canada`; an unknown code is shown as it is. */
export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

/** `es` → `Spanish`; an unknown code is shown as it is. */
export function languageName(code: string): string {
  return languageNames.of(code) ?? code;
}

/** `model.created` → `Model created`, `api_key` → `Api key`. */
export function humanize(code: string): string {
  const words = code.replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Field names whose plain-English form is not just their camelCase split.
const fieldLabels: Record<string, string> = {
  sku: 'SKU',
  gtins: 'GTINs',
  url: 'URL',
  fileUrl: 'File URL',
  fileId: 'File',
  imageFileId: 'Image',
  imageUrl: 'Image URL',
  logoFileId: 'Logo',
  logoUrl: 'Logo URL',
  modelId: 'Model',
};

/** `maintenanceSchedule` → `Maintenance schedule`. */
export function fieldLabel(field: string): string {
  return fieldLabels[field] ?? humanize(field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}
