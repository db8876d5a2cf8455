// Display formatting shared by the tables.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
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
