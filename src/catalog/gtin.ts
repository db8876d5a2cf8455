/**
 * GTINs (GTIN-8, -12, -13 and -14) checked with the GS1 check digit and normalised to 14 digits,
 * the form GS1 Digital Link and OpenOX store them in.
 */
export type GtinCheck = { readonly valid: true; readonly gtin14: string } | { readonly valid: false; readonly reason: string };

export function checkGtin(input: string): GtinCheck {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { valid: false, reason: 'A GTIN has only digits.' };
  if (![8, 12, 13, 14].includes(digits.length)) {
    return { valid: false, reason: `A GTIN has 8, 12, 13 or 14 digits; this one has ${digits.length}.` };
  }
  const expected = gs1CheckDigit(digits.slice(0, -1));
  const given = Number(digits.at(-1));
  if (expected !== given) {
    return { valid: false, reason: `The check digit (last digit) should be ${expected}, not ${given}: a digit is probably mistyped.` };
  }
  return { valid: true, gtin14: digits.padStart(14, '0') };
}

/** GS1 mod-10: from the right, weights 3, 1, 3, 1, ... over the digits before the check digit. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}
