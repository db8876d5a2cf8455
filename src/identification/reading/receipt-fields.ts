import type { Bbox, OcrLine } from './ocr-text.ts';
import { currencyOf, totalOn } from './receipt-amount.ts';
import { type DateOrder, purchaseDateOn } from './receipt-date.ts';
import { retailerOn } from './receipt-retailer.ts';
import { receiptLines } from './receipt-text.ts';

/** What a receipt says about a purchase, each with how sure OpenOX is (0..1). */
export interface ReceiptFields {
  /** 'YYYY-MM-DD'. */
  readonly purchaseDate: { readonly value: string; readonly confidence: number } | null;
  /** As spelled in the brand's retailer list. */
  readonly retailer: { readonly value: string; readonly confidence: number } | null;
  readonly amount: { readonly minor: number; readonly currency: string; readonly confidence: number } | null;
  /** Boxes of the lines the values were read from. */
  readonly evidence: readonly Bbox[];
}

export interface ReceiptHints {
  /** 'YYYY-MM-DD': a purchase is never after it. */
  readonly today: string;
  /** The brand's countries (ISO 3166 alpha-2), first the main one: they settle 03/04 and a bare '$'. */
  readonly countries?: readonly string[];
}

// Where 03/04/2026 is the 4th of March.
const monthFirstCountries = new Set(['US', 'PH', 'FM', 'MH', 'PW']);
const monthFirstCurrencies = new Set(['USD']);

/** Reads date of purchase, retailer and amount paid off a receipt's text. */
export function receiptFields(ocrLines: readonly OcrLine[], retailers: readonly string[], hints: ReceiptHints): ReceiptFields {
  const lines = receiptLines(ocrLines);
  const countries = hints.countries ?? [];
  const currency = currencyOf(lines, countries);
  const order = dateOrder(currency, countries);
  const date = purchaseDateOn(lines, hints.today, order);
  const retailer = retailerOn(lines, retailers);
  const total = totalOn(lines, currency);
  const used = [date?.line, retailer?.line, total?.line].filter((line) => line !== undefined);
  return {
    purchaseDate: date ? { value: date.value, confidence: round(date.confidence) } : null,
    retailer: retailer ? { value: retailer.value, confidence: round(retailer.confidence) } : null,
    amount: total ? { ...total.value, confidence: round(total.confidence) } : null,
    evidence: [...new Set(used)].flatMap((line) => line.words.map((word) => word.bbox)),
  };
}

/** Day or month first: the receipt's currency says most (a US dollar receipt is month first), then the brand's country. */
function dateOrder(currency: { currency: string; sure: boolean }, countries: readonly string[]): { preferred: DateOrder; sure: boolean } {
  if (currency.sure) return { preferred: monthFirstCurrencies.has(currency.currency) ? 'month_first' : 'day_first', sure: true };
  const country = countries[0];
  if (!country) return { preferred: 'month_first', sure: false };
  return { preferred: monthFirstCountries.has(country) ? 'month_first' : 'day_first', sure: false };
}

function round(confidence: number): number {
  return Math.round(confidence * 1000) / 1000;
}
