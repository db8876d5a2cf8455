import { describe, expect, it } from 'vitest';
import { type CharacterRival, contestedCeiling, linesFromText } from './ocr-text.ts';
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

describe('a digit of the total OCR nearly read as another', () => {
  /** The receipt with close rivals on every word spelled `word`. */
  function readWithRivals(text: string, rivals: Readonly<Record<string, CharacterRival[]>>) {
    const lines = linesFromText(text, 92).map((line) => ({ words: line.words.map((word) => ({ ...word, ...(rivals[word.text] ? { rivals: rivals[word.text] } : {}) })) }));
    return receiptFields(lines, retailers, { today });
  }
  const firstDigitNearlyFive = { '383.62': [{ at: 0, rival: '5' }] };

  it('asks, still proposing the amount, when a digit had a rival digit', () => {
    expect(read('TOTAL 383.62').amount?.confidence).toBeGreaterThanOrEqual(0.8);
    const amount = readWithRivals('TOTAL 383.62', firstDigitNearlyFive).amount;
    expect(amount?.minor).toBe(38362);
    expect(amount?.confidence).toBe(contestedCeiling);
  });

  it.each([
    ['the same digit (an O for a 0)', 'TOTAL 380.62', { '380.62': [{ at: 2, rival: 'O' }] }],
    ['no digit', 'TOTAL 383.62', { '383.62': [{ at: 0, rival: 'A' }] }],
    ['outside the amount', 'TOTAL 383.62 T', { TOTAL: [{ at: 0, rival: '7' }] }],
  ])('does not ask for a rival that is %s', (_case, text, rivals) => {
    expect(readWithRivals(text, rivals).amount?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the rival in the line after a word whose accents came off', () => {
    // "CAFE" with a combining accent is five code units as read, four once plain; one place further on,
    // the rival 5 would stand on a 5 and change nothing.
    expect(readWithRivals('CAFE\u0301 TOTAL 353.62', { '353.62': [{ at: 0, rival: '5' }] }).amount?.confidence).toBe(contestedCeiling);
  });

  it('does not ask when subtotal and tax add up to the total as read', () => {
    expect(readWithRivals('SUBTOTAL 340.96\nSALES TAX 42.66\nTOTAL 383.62', firstDigitNearlyFive).amount?.confidence).toBeGreaterThanOrEqual(0.8);
    // The receipt said 583.62: subtotal and tax add up to that, not to what was read.
    expect(readWithRivals('SUBTOTAL 540.96\nSALES TAX 42.66\nTOTAL 383.62', firstDigitNearlyFive).amount?.confidence).toBe(contestedCeiling);
  });

  it('lets a subtotal add up through one of its own rival digits', () => {
    const text = 'SUBTOTAL 869.99\nSALES TAX 73.83\nTOTAL 963.82';
    const totalRival = { '963.82': [{ at: 1, rival: '0' }] };
    expect(readWithRivals(text, totalRival).amount?.confidence).toBe(contestedCeiling);
    expect(readWithRivals(text, { ...totalRival, '869.99': [{ at: 1, rival: '8' }] }).amount?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('does not take a subtotal without tax as a check: it could share the misread', () => {
    expect(readWithRivals('SUBTOTAL 383.62\nTOTAL 383.62', firstDigitNearlyFive).amount?.confidence).toBe(contestedCeiling);
  });
});
