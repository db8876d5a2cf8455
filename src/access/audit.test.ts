import { describe, expect, it } from 'vitest';
import { diff } from './audit.ts';

describe('diff', () => {
  it('lists only the fields that changed, with before and after', () => {
    expect(diff({ name: 'A', sku: 'X', gtins: ['1'] }, { name: 'B', sku: 'X', gtins: ['1', '2'] })).toEqual({
      name: ['A', 'B'],
      gtins: [['1'], ['1', '2']],
    });
  });

  it('treats a field that appears or disappears as changed', () => {
    expect(diff({ a: 1 }, { b: 2 })).toEqual({ a: [1, undefined], b: [undefined, 2] });
  });

  it('is empty when nothing changed', () => {
    expect(diff({ a: { x: 1 } }, { a: { x: 1 } })).toEqual({});
  });
});
