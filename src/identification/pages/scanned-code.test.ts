import { describe, expect, it } from 'vitest';
import { fieldsOfCode } from './scanned-code.ts';

const today = new Date('2026-11-20T12:00:00Z');

describe('what a scanned code says', () => {
  it('reads a GS1 Digital Link QR code, on any host', () => {
    expect(fieldsOfCode('https://id.example.com/01/09506000134352/21/AB12345678', today)).toEqual({ gtin14: '09506000134352', serial: 'AB12345678', lot: null, productionDate: null, gs1: true });
    expect(fieldsOfCode('https://example.com/shop/01/9506000134352/10/L42/21/x1?11=260301', today)).toMatchObject({ gtin14: '09506000134352', serial: 'X1', lot: 'L42', productionDate: '2026-03-01' });
  });

  it('reads GS1 element strings in the bracketed form a decoder prints and with FNC1 separators', () => {
    expect(fieldsOfCode('(01)09506000134352(11)260301(21)ab12345678', today)).toMatchObject({ gtin14: '09506000134352', serial: 'AB12345678', gs1: true });
    expect(fieldsOfCode(']C10109506000134352\u001d21SN-26101234\u001d10LOT7', today)).toMatchObject({ gtin14: '09506000134352', serial: 'SN-26101234', lot: 'LOT7' });
    expect(fieldsOfCode('010950600013435221SN-26101234', today)).toMatchObject({ gtin14: '09506000134352', serial: 'SN-26101234' });
  });

  it('takes an EAN/UPC with a right check digit as the product code, and a wrong one as nothing GS1', () => {
    expect(fieldsOfCode('9506000134352', today)).toEqual({ gtin14: '09506000134352', serial: null, lot: null, productionDate: null, gs1: true });
    expect(fieldsOfCode('9506000134353', today).gtin14).toBeNull();
  });

  it('takes plain text as a possible serial (Code 39 or Code 128 labels), normalised; refuses what cannot be one', () => {
    expect(fieldsOfCode(' ab 1234 5678 ', today)).toMatchObject({ gtin14: null, serial: 'AB12345678', gs1: false });
    expect(fieldsOfCode('hello world, this is not a serial!', today)).toMatchObject({ gtin14: null, serial: null });
    expect(fieldsOfCode('https://example.com/about', today)).toMatchObject({ gtin14: null, serial: null });
  });

  it('does not take a bad GTIN in an element string', () => {
    expect(fieldsOfCode('(01)09506000134353(21)AB1', today)).toMatchObject({ gtin14: null, serial: 'AB1' });
  });
});
