import { describe, expect, it } from 'vitest';
import { linesFromText } from './ocr-text.ts';
import { receiptFields } from './receipt-fields.ts';

const retailers = ['Home Depot', "Lowe's", 'Best Buy', 'Costco', 'REI', 'El Corte Inglés', 'Amazon'];
const today = '2026-03-20';

function read(text: string, countries?: string[], confidence = 92) {
  return receiptFields(linesFromText(text, confidence), retailers, { today, ...(countries ? { countries } : {}) });
}

describe('the date of purchase on a receipt', () => {
  it.each([
    ['US numeric with dollars', 'STORE\n03/15/2026 14:02\nTOTAL $499.99', undefined, '2026-03-15'],
    ['ISO', 'Date: 2026-03-15\nTOTAL 10.00', undefined, '2026-03-15'],
    ['day first with dots and euros', 'FECHA 15.03.2026\nTOTAL 499,99 €', undefined, '2026-03-15'],
    ['day first settled by a part over 12', '15/03/2026\nTOTAL 9.99', undefined, '2026-03-15'],
    ['ambiguous, euros: day first', '04/03/2026\nTOTAL 12,00 EUR', undefined, '2026-03-04'],
    ['ambiguous, dollars: month first', '02/03/2026\nTOTAL $12.00', undefined, '2026-02-03'],
    ['ambiguous, no currency, a Spanish brand', '04/03/2026', ['ES'], '2026-03-04'],
    ['month name first', 'Mar 15 2026 2:14 PM', undefined, '2026-03-15'],
    ['month name with comma and suffix', 'March 15th, 2026', undefined, '2026-03-15'],
    ['day and month name', '15-MAR-26', undefined, '2026-03-15'],
    ['Spanish month name', '15 de marzo de 2026', undefined, '2026-03-15'],
    ['two-digit year', '03/15/26 $4.00', undefined, '2026-03-15'],
    ['OCR confusions in the digits', 'DATE O3/l5/2O26\nTOTAL $4.00', undefined, '2026-03-15'],
    ['a return-by date is passed over', 'RETURN BY 03/19/2026\nSALE 02/18/2026', undefined, '2026-02-18'],
  ])('%s', (_case, text, countries, expected) => {
    expect(read(text, countries).purchaseDate?.value).toBe(expected);
  });

  it.each([
    ['a future date', 'DATE 04/15/2026'],
    ['an impossible date', 'DATE 02/30/2026'],
    ['a date before 1990', 'DATE 1989-12-31'],
    ['no date', 'THANK YOU FOR SHOPPING'],
  ])('finds none in %s', (_case, text) => {
    expect(read(text).purchaseDate).toBeNull();
  });

  it('is less sure when only the brand country settles the order', () => {
    const settled = read('03/15/2026').purchaseDate?.confidence ?? 0;
    const guessed = read('03/04/2026').purchaseDate?.confidence ?? 1;
    expect(guessed).toBeLessThan(settled);
    expect(guessed).toBeLessThan(0.8);
  });
});

describe('the retailer on a receipt', () => {
  it.each([
    ['a store number and an article', 'THE HOME DEPOT #0612\n123 MAIN ST', 'Home Depot'],
    ['an apostrophe', "LOWE'S HOME CENTERS, LLC\nSTORE 1234", "Lowe's"],
    ['OCR slips', 'BE5T BUY\nSTORE 441', 'Best Buy'],
    ['a missing letter', 'COSTC0 WHOLESALE\n#123', 'Costco'],
    ['a short name as a whole word', 'REI CO-OP\nSEATTLE', 'REI'],
    ['accents', 'EL CORTE INGLES S.A.\nMADRID', 'El Corte Inglés'],
  ])('%s', (_case, text, expected) => {
    expect(read(text).retailer?.value).toBe(expected);
  });

  it('does not find a short name inside another word', () => {
    expect(read('THEIR STOREI\nFOREIGN GOODS').retailer).toBeNull();
  });

  it('finds no retailer outside the list', () => {
    expect(read('WALMART SUPERCENTER\nTOTAL $4.00').retailer).toBeNull();
  });
});

describe('the amount paid on a receipt', () => {
  it.each([
    ['a plain total', 'SUBTOTAL 459.99\nTAX 40.00\nTOTAL 499.99', undefined, { minor: 49999, currency: 'USD' }],
    ['a dollar sign and thousands', 'SUBTOTAL $1,199.00\nTOTAL $1,299.00', undefined, { minor: 129900, currency: 'USD' }],
    ['euros with a decimal comma', 'TOTAL A PAGAR 1.299,00 €', undefined, { minor: 129900, currency: 'EUR' }],
    ['pounds', 'TOTAL £89.50', undefined, { minor: 8950, currency: 'GBP' }],
    ['the payment line when no total', 'VISA ****1234 $25.10', undefined, { minor: 2510, currency: 'USD' }],
    ['a Canadian brand and a bare dollar sign', 'TOTAL $45.00', ['CA'], { minor: 4500, currency: 'CAD' }],
    ['an OCR slip in the digits', 'TOTAL $49S.99', undefined, { minor: 49599, currency: 'USD' }],
    ['a total that is not "total savings"', 'TOTAL SAVINGS 20.00\nTOTAL 80.00', undefined, { minor: 8000, currency: 'USD' }],
  ])('%s', (_case, text, countries, expected) => {
    expect(read(text, countries).amount).toMatchObject(expected);
  });

  it('finds none without a total or a payment', () => {
    expect(read('WIDGET 4.99\nGADGET 5.00').amount).toBeNull();
  });

  it('trusts a total less when OCR was unsure of it', () => {
    expect(read('TOTAL $499.99', undefined, 40).amount?.confidence ?? 1).toBeLessThan(read('TOTAL $499.99').amount?.confidence ?? 0);
  });
});
