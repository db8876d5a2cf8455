import type { ReceiptRead } from '../read-receipt.ts';
import type { ReceiptReadView } from './photo-read-view.ts';

/**
 * The form's fields a receipt fills: the date, and the store as one of the brand's retailers when it
 * is one (the reader matched it to the list), else as "somewhere else" with its name. The owner checks
 * them; an empty reading leaves what the owner typed.
 */
export function receiptFieldValues(read: ReceiptRead, retailers: readonly string[], today: string): Record<string, string> {
  const values: Record<string, string> = {};
  const date = read.purchaseDate?.value;
  if (date && date <= today) values.purchase_date = date;
  const store = read.retailer?.value;
  if (store) {
    if (retailers.length === 0) values.retailer_other = store;
    else if (retailers.includes(store)) values.retailer = store;
    else Object.assign(values, { retailer: 'other', retailer_other: store });
  }
  return values;
}

export function receiptReadView(read: ReceiptRead, readId: string | null, language: string): ReceiptReadView {
  return {
    readId,
    problem: read.problem,
    purchaseDate: read.purchaseDate?.value ?? null,
    retailer: read.retailer?.value ?? null,
    amount: read.amount ? formatAmount(read.amount.minor, read.amount.currency, language) : null,
  };
}

export function formatAmount(minor: number, currency: string, language: string): string {
  const format = new Intl.NumberFormat(language, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
