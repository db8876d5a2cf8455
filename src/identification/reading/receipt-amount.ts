import { asDigit } from './confusions.ts';
import { capWhenContested, ocrTrust } from './ocr-text.ts';
import type { ReceiptLine, ReceiptValue } from './receipt-text.ts';

export interface Money {
  /** In minor units (cents). */
  readonly minor: number;
  readonly currency: string;
}

// "TOTAL 499.99", "Grand total: $1,299.00", "TOTAL A PAGAR 1.299,00 €"
const totalCaption = /\b(GRAND\s*TOTAL|TOTAL\s*DUE|AMOUNT\s*DUE|BALANCE\s*DUE|TOTAL\s*A\s*PAGAR|IMPORTE\s*TOTAL|TOTAL\s*EUR|TOTAL\s*USD|TOTAL)\b/;
const notTheTotal = /\b(SUB\s*-?\s*TOTAL|SUBTOTAL|TAX|IVA|VAT|SAVINGS|SAVED|DISCOUNT|DESCUENTO|ITEMS|ARTICULOS|QTY|POINTS|CHANGE|CAMBIO)\b/;
const subtotalCaption = /\b(SUB\s*-?\s*TOTAL|SUBTOTAL)\b/;
const taxCaption = /\b(TAX|IVA|VAT)\b/;
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
  // Subtotal and tax read off their own lines adding up to the total vouch for every digit of it.
  const sums = subtotalPlusTax(lines);
  for (const line of lines) {
    const isTotal = totalCaption.test(line.text) && !notTheTotal.test(line.text);
    const isPayment = !isTotal && paymentCaption.test(line.text) && !notTheTotal.test(line.text);
    if (!isTotal && !isPayment) continue;
    const amount = lastAmountOn(line);
    if (!amount) continue;
    const quality = (isTotal ? 0.9 : 0.6) - (currency.sure ? 0 : 0.1);
    const contested = rivalChangesAmount(line, amount) && !sums.has(amount.minor);
    found.push({ value: { minor: amount.minor, currency: currency.currency }, confidence: capWhenContested(quality * (0.6 + 0.4 * ocrTrust(line.confidence)), contested), line });
  }
  const totals = found.filter((value) => value.confidence >= Math.max(...found.map((other) => other.confidence)) - 0.05);
  return totals.sort((a, b) => b.value.minor - a.value.minor)[0] ?? null;
}

/** An amount on a line: its value in minor units and where it is in the line's text. */
interface AmountOnLine {
  readonly minor: number;
  readonly start: number;
  readonly end: number;
}

/** The last amount on a line (a line's price stands at its end), or null. */
function lastAmountOn(line: Pick<ReceiptLine, 'text'>): AmountOnLine | null {
  const amounts = [...line.text.matchAll(amountPattern)].flatMap((match) => {
    const minor = minorUnits(match);
    return minor !== null && minor > 0 ? [{ minor, start: match.index as number, end: (match.index as number) + match[0].length }] : [];
  });
  return amounts.at(-1) ?? null;
}

/**
 * Whether one of the amount's digits had a close rival that is another digit ("383.62" whose first 3
 * was nearly a 5): a rival that is no digit, or the same digit (an O for a 0), changes nothing.
 */
function rivalChangesAmount(line: Pick<ReceiptLine, 'text' | 'rivals'>, amount: AmountOnLine): boolean {
  return rivalDigits(line, amount).length > 0;
}

/** The amount as read, then as it reads with each of its close rival digits instead. */
function amountReadings(line: Pick<ReceiptLine, 'text' | 'rivals'>, amount: AmountOnLine): number[] {
  const printed = line.text.slice(amount.start, amount.end);
  const others = rivalDigits(line, amount).map(({ at, digit }) => {
    const offset = at - amount.start;
    return lastAmountOn({ text: printed.slice(0, offset) + digit + printed.slice(offset + 1) })?.minor ?? null;
  });
  return [amount.minor, ...others.filter((minor): minor is number => minor !== null)];
}

function rivalDigits(line: Pick<ReceiptLine, 'text' | 'rivals'>, amount: AmountOnLine): { at: number; digit: string }[] {
  return line.rivals.flatMap(({ at, rival }) => {
    const digit = asDigit(rival);
    return at >= amount.start && at < amount.end && digit !== null && digit !== line.text[at] ? [{ at, digit }] : [];
  });
}

/**
 * What the subtotal and the taxes add up to, when the receipt prints both (a subtotal alone could share
 * the total's misread): as read, and with one of their digits read as its close rival, since a blurred
 * subtotal is as likely misread as the total. Empty when there is no such pair of lines.
 */
function subtotalPlusTax(lines: readonly ReceiptLine[]): Set<number> {
  const subtotalLine = lines.find((line) => subtotalCaption.test(line.text));
  const subtotal = subtotalLine && lastAmountOn(subtotalLine);
  const taxLines = lines.filter((line) => taxCaption.test(line.text) && !subtotalCaption.test(line.text) && !totalCaption.test(line.text));
  const taxes = taxLines.flatMap((line) => {
    const amount = lastAmountOn(line);
    return amount ? [{ line, amount }] : [];
  });
  // A tax line without an amount leaves the sum unknown.
  if (!subtotalLine || !subtotal || taxes.length === 0 || taxes.length < taxLines.length) return new Set();
  const parts = [{ line: subtotalLine, amount: subtotal }, ...taxes];
  const asRead = parts.reduce((sum, { amount }) => sum + amount.minor, 0);
  const sums = new Set([asRead]);
  for (const { line, amount } of parts) for (const reading of amountReadings(line, amount)) sums.add(asRead - amount.minor + reading);
  return sums;
}

function minorUnits(match: RegExpMatchArray): number | null {
  const whole = (match[1] as string).replace(/[,.' ]/g, '');
  const value = Number(whole) * 100 + Number(match[3]);
  return Number.isSafeInteger(value) ? value : null;
}
