import { describe, expect, it } from 'vitest';
import { identifiedByOf } from './identified-by.ts';

describe('how a registration form identified its product', () => {
  it('keeps a QR code, a barcode and a photo with its read; anything else was typed', () => {
    expect(identifiedByOf({ identified_by: 'qr' })).toBe('qr');
    expect(identifiedByOf({ identified_by: 'barcode' })).toBe('barcode');
    expect(identifiedByOf({ identified_by: 'photo', photo_read_id: '01936f3e-8c2a-7000-8000-000000000001' })).toBe('photo');
    expect(identifiedByOf({ identified_by: 'photo' })).toBe('typed');
    expect(identifiedByOf({ identified_by: 'telepathy' })).toBe('typed');
    expect(identifiedByOf({})).toBe('typed');
  });
});
