import { ocrTrust } from './ocr-text.ts';
import type { ReceiptLine, ReceiptValue } from './receipt-text.ts';

export interface Money {
  /** In minor units (cents). */
  readonly minor: number;
  readonly currency: string;
}

// "TOTAL 499.99", "Grand total: $1,299.00", "TOTAL A PAGAR 1.299,00 €"
const totalCaption = /\b(GRAND\s*TOTAL|TOTAL\s*DUE|AMOUNT\s*DUE|BALANCE\s*DUE|TOTAL\s*A\s*PAGAR|IMPORTE\s*TOTAL|TOTAL\s*EUR|TOTAL\s*USD|TOTAL)\b/;
const notTheTotal = /\b(SUB\s*-?\s*TOTAL|SUBTOTAL|TAX|IVA|VAT|SAVINGS|SAVED|DISCOUNT|DESCUENTO|ITEMS|ARTICULOS|QTY|POINTS|CHANGE|CAMBIO)\b/;
const paymentCaption = /\b(VISA|MASTERCARD|MC|AMEX|DEBIT|CREDIT|CARD|CASH|EFECTIVO|TARJETA|PAID|TEND|TENDER|CHARGE|PAYMENT)\b/;
// An amount with two decimals, thousands grouped by ',', '.' or "'": 499.99, 1,299.00, 1.299,00. Not by
// spaces: on a receipt a space separates a quantity or a code from the price.
const amountPattern = /(?<![0-9.,])(-?\d{1,3}(?:[,.']\d{3})+|-?\d+)([.,])(\d{2})(?![0-9])/g;
const currencySigns: readonly [RegExp, string][] = [
  [/€|\bEUR\b/, 'EUR'],
  [/£|\bGBP\b/, 'GBP'],
  [/\bCAD\b|C\$/, 'CAD'],
  [/\bMXN\b|MX\$/, 'MXN'],
  [/\bAUD\b|A\$/, 'AUD'],
  [/\bUSD\b|US\$/, 'USD'],
];
const dollarCountries: Readonly<Record<string, string>> = { US: 'USD', CA: 'CAD', MX: 'MXN', AU: 'AUD', NZ: 'NZD' };
const euroCountries = new Set(['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK']);

/** The currency a receipt is in: a sign or code on it, else the brand's country. */
export function currencyOf(lines: readonly ReceiptLine[], countries: readonly string[]): { readonly currency: string; readonly sure: boolean } {
  // Signs read with confidence only: in a dim photo OCR makes a '£' of a smudge.
  const text = lines.map((line) => line.words.filter((word) => word.confidence >= 60).map((word) => word.text.toUpperCase()).join(' ')).join('\n');
  const counted = currencySigns.map(([sign, currency]) => ({ currency, count: text.split('\n').filter((line) => sign.test(line)).length })).filter(({ count }) => count > 0);
  const [top] = counted.sort((a, b) => b.count - a.count);
  if (top) return { currency: top.currency, sure: true };
  const country = countries[0] ?? 'US';
  const local = dollarCountries[country] ?? (euroCountries.has(country) ? 'EUR' : country === 'GB' ? 'GBP' : 'USD');
  if (text.includes('$')) return { currency: local.endsWith('D') || local === 'MXN' ? local : 'USD', sure: true };
  return { currency: local, sure: false };
}

/**
 * The amount paid: the value on the "TOTAL" line (not subtotal, tax or savings), else on the payment
 * line, in minor units. The largest of several totals wins: a total is never below its parts.
 */
export function totalOn(lines: readonly ReceiptLine[], currency: { readonly currency: string; readonly sure: boolean }): ReceiptValue<Money> | null {
  const found: ReceiptValue<Money>[] = [];
  for (const line of lines) {
    const isTotal = totalCaption.test(line.text) && !notTheTotal.test(line.text);
    const isPayment = !isTotal && paymentCaption.test(line.text) && !notTheTotal.test(line.text);
    if (!isTotal && !isPayment) continue;
    const amounts = [...line.text.matchAll(amountPattern)].map(minorUnits).filter((minor): minor is number => minor !== null && minor > 0);
    const minor = amounts.at(-1);
    if (minor === undefined) continue;
    const quality = (isTotal ? 0.9 : 0.6) - (currency.sure ? 0 : 0.1);
    found.push({ value: { minor, currency: currency.currency }, confidence: quality * (0.6 + 0.4 * ocrTrust(line.confidence)), line });
  }
  const totals = found.filter((value) => value.confidence >= Math.max(...found.map((other) => other.confidence)) - 0.05);
  return totals.sort((a, b) => b.value.minor - a.value.minor)[0] ?? null;
}

function minorUnits(match: RegExpMatchArray): number | null {
  const whole = (match[1] as string).replace(/[,.' ]/g, '');
  const value = Number(whole) * 100 + Number(match[3]);
  return Number.isSafeInteger(value) ? value : null;
}
