import { describe, expect, it } from 'vitest';
import { maxSerialsPerSheet, readSerialList, serialChecker } from './serial-list.ts';

const rules = [{ mask: 'AA########', description: '2 letters, then 8 digits' }];

describe('readSerialList', () => {
  it('reads one serial per line, with or without a "serial" header, skipping blank lines', () => {
    expect(readSerialList('ab12345678\r\n\r\nCD 1234 5678\n  \nEF12345678\n', rules)).toEqual({ ok: true, serials: ['AB12345678', 'CD12345678', 'EF12345678'], rejected: [] });
    expect(readSerialList('\uFEFFSerial\nAB12345678\n', rules)).toEqual({ ok: true, serials: ['AB12345678'], rejected: [] });
  });

  it('takes the column headed "serial" from a wider export, with commas, semicolons or tabs', () => {
    expect(readSerialList('sku,Serial Number,date\nDW-500,AB12345678,2026-01-02\n', rules)).toMatchObject({ serials: ['AB12345678'] });
    expect(readSerialList('sku;serial\nDW-500;AB12345678\n', rules)).toMatchObject({ serials: ['AB12345678'] });
    expect(readSerialList('sku\tserial_no\nDW-500\tAB12345678\n', rules)).toMatchObject({ serials: ['AB12345678'] });
  });

  it('rejects serials that do not match the model, cannot go in a Digital Link, or repeat, by line', () => {
    const read = readSerialList(['serial', 'AB12345678', 'AB1234', '', 'ab12345678', 'XY12345678', '"ZZ,1"'].join('\n'), rules);
    expect(read).toEqual({
      ok: true,
      serials: ['AB12345678', 'XY12345678'],
      rejected: [
        { line: 3, value: 'AB1234', reason: "Does not match this model's serial numbers: 2 letters, then 8 digits." },
        { line: 5, value: 'ab12345678', reason: 'The same serial number is on line 2.' },
        { line: 7, value: 'ZZ,1', reason: "Does not match this model's serial numbers: 2 letters, then 8 digits." },
      ],
    });
  });

  it('without serial rules still holds serials to what GS1 allows', () => {
    const read = readSerialList(`A-1/2\n${'9'.repeat(21)}\nhello wörld\n`, []);
    expect(read).toMatchObject({ ok: true, serials: ['A-1/2'], rejected: [{ line: 2 }, { line: 3 }] });
  });

  it('refuses an empty file, a spreadsheet that is not CSV, and more than 5,000 serials', () => {
    expect(readSerialList('\n\nserial\n', rules)).toEqual({ ok: false, reason: expect.stringContaining('no serial numbers') });
    expect(readSerialList(Buffer.from('PK\u0003\u0004\u0000\u0000xlsx'), rules)).toEqual({ ok: false, reason: expect.stringContaining('not a CSV') });
    const many = Array.from({ length: maxSerialsPerSheet + 1 }, (_, i) => `AB${String(i).padStart(8, '0')}`).join('\n');
    expect(readSerialList(many, rules)).toEqual({ ok: false, reason: 'The file has 5,001 serial numbers; one sheet takes at most 5,000. Split the file and make one sheet per part.' });
    expect(readSerialList(many.split('\n').slice(1).join('\n'), rules)).toMatchObject({ ok: true, rejected: [] });
  });

  it('refuses a CSV it cannot parse', () => {
    expect(readSerialList('"AB12345678\nCD12345678', rules)).toEqual({ ok: false, reason: expect.stringContaining('not a CSV OpenOX can read') });
  });
});

describe('serialChecker', () => {
  it('accepts a serial matching any of the rules', () => {
    const check = serialChecker([...rules, { mask: 'SN-######', description: '"SN-", then 6 digits' }]);
    expect(check('SN-123456')).toBeNull();
    expect(check('SN-12')).toBe(`Does not match this model's serial numbers: 2 letters, then 8 digits; or "SN-", then 6 digits.`);
  });
});
