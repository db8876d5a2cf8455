import { describe, expect, it } from 'vitest';
import { parseGs1ElementString } from './gs1-element-string.ts';

const gs = '\u001d';

describe('GS1 element strings', () => {
  it.each([
    ['raw, serial last', '010950600013435221AB12345678', { gtin14: '09506000134352', serial: 'AB12345678', lot: null }],
    ['raw, lot before serial with a group separator', `0109506000134352${'10'}LOT7${gs}21SN-001`, { gtin14: '09506000134352', serial: 'SN-001', lot: 'LOT7' }],
    ['raw, a fixed-length date between', '01095060001343521726123121X99', { gtin14: '09506000134352', serial: 'X99', lot: null }],
    ['raw, a weight (AI 3103) before the serial', '0109506000134352310300125021ABC', { gtin14: '09506000134352', serial: 'ABC', lot: null }],
    ['with a symbology identifier', ']C1010950600013435221AB12345678', { gtin14: '09506000134352', serial: 'AB12345678', lot: null }],
    ['human-readable', '(01)09506000134352(21)AB12345678', { gtin14: '09506000134352', serial: 'AB12345678', lot: null }],
    ['human-readable, brackets inside the serial', '(01)09506000134352(21)AB(99)X', { gtin14: '09506000134352', serial: 'AB(99)X', lot: null }],
    ['a bad check digit', '010950600013435321AB1', { gtin14: null, serial: 'AB1', lot: null }],
    ['no GTIN', '21AB12345678', { gtin14: null, serial: 'AB12345678', lot: null }],
    ['an unknown AI stops reading', '0109506000134352991234', { gtin14: '09506000134352', serial: null, lot: null }],
  ])('%s', (_case, text, expected) => {
    expect(parseGs1ElementString(text)).toEqual(expected);
  });
});
