/**
 * Characters OCR mixes up on printed labels. A letter read where a digit must be (and the other way
 * round) is put right only through these pairs; anything else is a different character.
 */
const letterAsDigit: Readonly<Record<string, string>> = { O: '0', Q: '0', D: '0', I: '1', L: '1', '|': '1', '!': '1', Z: '2', S: '5', G: '6', B: '8' };
const digitAsLetter: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };

/** The digit a character stands for where only a digit can be, or null when it cannot be one. */
export function asDigit(char: string): string | null {
  if (/^[0-9]$/.test(char)) return char;
  return letterAsDigit[char] ?? null;
}

/** The letter a character stands for where only a letter can be, or null when it cannot be one. */
export function asLetter(char: string): string | null {
  if (/^[A-Z]$/.test(char)) return char;
  return digitAsLetter[char] ?? null;
}

/** Characters that may be either of a confused pair: where a mask allows both, OCR cannot be sure which. */
export function isAmbiguous(char: string): boolean {
  return char in letterAsDigit || char in digitAsLetter;
}

/** Capitals, letters and digits only: how codes compare regardless of spaces, dashes, dots and slashes. */
export function squash(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

// The most common confusions only, folded to one representative: wider folding makes codes collide.
const foldPairs: Readonly<Record<string, string>> = { O: '0', Q: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };

/** A squashed code with every confusable character folded, so "WM-3OOOX" and "WM 3000X" compare equal. */
export function fold(text: string): string {
  return [...squash(text)].map((char) => foldPairs[char] ?? char).join('');
}

/**
 * How two codes of the same folded form differ: 0 when equal once squashed, else the number of
 * characters that differ (each one a confusion OCR made). Null when they are different codes.
 */
export function confusionsBetween(read: string, code: string): number | null {
  const a = squash(read);
  const b = squash(code);
  if (a.length !== b.length || fold(a) !== fold(b)) return null;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
  return differences;
}

/** Levenshtein distance, for near-misses of long codes and of retailer names. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
