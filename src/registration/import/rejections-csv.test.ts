import { describe, expect, it } from 'vitest';
import { withoutFirstField } from './rejections-csv.ts';

describe('a downloaded rejections file fixed and uploaded again', () => {
  it('loses its old reason column, quoted or not', () => {
    expect(withoutFirstField('reason,email,name')).toBe('email,name');
    expect(withoutFirstField('"Line 2: email: ""x"" is not an email address, sorry",x,Jane')).toBe('x,Jane');
    expect(withoutFirstField('only')).toBe('');
  });
});
