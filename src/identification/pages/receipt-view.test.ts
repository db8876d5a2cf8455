import { describe, expect, it } from 'vitest';
import type { ReceiptRead } from '../read-receipt.ts';
import { formatAmount, receiptFieldValues } from './receipt-view.ts';

const receipt = (overrides: Partial<ReceiptRead>): ReceiptRead => ({
  method: 'ocr', purchaseDate: null, retailer: null, amount: null, needsConfirmation: true, crop: null, durationMs: 400, problem: null, ...overrides,
});

describe('the form fields a receipt fills', () => {
  it('fills the date and a listed store, or "somewhere else" with its name', () => {
    const read = receipt({ purchaseDate: { value: '2026-10-14', confidence: 0.9 }, retailer: { value: 'Best Buy', confidence: 0.9 } });
    expect(receiptFieldValues(read, ['Home Depot', 'Best Buy'], '2026-11-20')).toEqual({ purchase_date: '2026-10-14', retailer: 'Best Buy' });
    expect(receiptFieldValues(read, ['Home Depot'], '2026-11-20')).toEqual({ purchase_date: '2026-10-14', retailer: 'other', retailer_other: 'Best Buy' });
    expect(receiptFieldValues(read, [], '2026-11-20')).toEqual({ purchase_date: '2026-10-14', retailer_other: 'Best Buy' });
  });

  it('leaves what the owner typed when nothing was read, and never fills a date after today', () => {
    expect(receiptFieldValues(receipt({}), ['Best Buy'], '2026-11-20')).toEqual({});
    expect(receiptFieldValues(receipt({ purchaseDate: { value: '2026-12-01', confidence: 0.9 } }), [], '2026-11-20')).toEqual({});
  });

  it('shows an amount in the owner’s language and the currency’s own decimals', () => {
    expect(formatAmount(54124, 'USD', 'en')).toBe('$541.24');
    expect(formatAmount(1500, 'JPY', 'en')).toBe('¥1,500');
    expect(formatAmount(54124, 'EUR', 'es')).toMatch(/^541,24\s€$/);
  });
});
