/**
 * Serial-number rules are masks, one character per character of the serial:
 *
 * | mask | matches                                   |
 * | ---- | ----------------------------------------- |
 * | `A`  | a letter                                  |
 * | `#`  | a digit                                   |
 * | `*`  | a letter or a digit                       |
 * | `Y`  | a digit of the year of manufacture        |
 * | `M`  | a digit of the month of manufacture       |
 * | `W`  | a digit of the week of manufacture        |
 * | `\x` | the character x itself (e.g. `\A`, `\#`)  |
 * | else | that character itself (`-`, `S`, `7`, ...)|
 *
 * So `AA########` is "2 letters, then 8 digits", and `SN-YYWW####` a literal "SN-", a two-digit year,
 * a two-digit week and four digits. Masks are safer than regular expressions from a brand's admin
 * (no catastrophic backtracking), describe themselves to owners, and the date positions let OpenOX
 * read the date of manufacture from a serial.
 */
export type MaskToken =
  | { readonly kind: 'letter' | 'digit' | 'alphanumeric' | 'year' | 'month' | 'week' }
  | { readonly kind: 'literal'; readonly char: string };

const placeholders: Readonly<Record<string, Exclude<MaskToken['kind'], 'literal'>>> = {
  A: 'letter',
  '#': 'digit',
  '*': 'alphanumeric',
  Y: 'year',
  M: 'month',
  W: 'week',
};

export type MaskParse = { readonly ok: true; readonly tokens: readonly MaskToken[] } | { readonly ok: false; readonly reason: string };

export function parseSerialMask(mask: string): MaskParse {
  if (mask.length === 0) return { ok: false, reason: 'A serial rule needs a mask, e.g. AA######## for 2 letters then 8 digits.' };
  const tokens: MaskToken[] = [];
  for (let i = 0; i < mask.length; i++) {
    const char = mask[i] as string;
    if (char === '\\') {
      const escaped = mask[++i];
      if (escaped === undefined) return { ok: false, reason: 'The mask ends with a backslash; a backslash must be followed by the character it stands for.' };
      tokens.push({ kind: 'literal', char: escaped.toUpperCase() });
    } else if (/\s/.test(char)) {
      return { ok: false, reason: 'A mask has no spaces: serials are compared without spaces.' };
    } else {
      const kind = placeholders[char];
      tokens.push(kind ? { kind } : { kind: 'literal', char: char.toUpperCase() });
    }
  }
  if (tokens.length > 64) return { ok: false, reason: 'A mask is at most 64 characters long.' };
  const yearDigits = tokens.filter((t) => t.kind === 'year').length;
  if (yearDigits !== 0 && yearDigits !== 2 && yearDigits !== 4) return { ok: false, reason: 'A year of manufacture has 2 or 4 Y digits.' };
  for (const [kind, letter] of [['month', 'M'], ['week', 'W']] as const) {
    const count = tokens.filter((t) => t.kind === kind).length;
    if (count !== 0 && count !== 2) return { ok: false, reason: `A ${kind} of manufacture has 2 ${letter} digits.` };
  }
  return { ok: true, tokens };
}

/** Serials are compared in capitals without spaces: owners type them either way. */
export function normaliseSerial(serial: string): string {
  return serial.replace(/\s+/g, '').toUpperCase();
}

export function serialMatchesMask(serial: string, tokens: readonly MaskToken[]): boolean {
  const chars = [...normaliseSerial(serial)];
  return chars.length === tokens.length && tokens.every((token, i) => charMatches(chars[i] as string, token));
}

function charMatches(char: string, token: MaskToken): boolean {
  switch (token.kind) {
    case 'letter':
      return /^[A-Z]$/.test(char);
    case 'alphanumeric':
      return /^[A-Z0-9]$/.test(char);
    case 'literal':
      return char === token.char;
    default:
      return /^[0-9]$/.test(char);
  }
}

const nouns: Readonly<Record<MaskToken['kind'], [string, string]>> = {
  letter: ['letter', 'letters'],
  digit: ['digit', 'digits'],
  alphanumeric: ['letter or digit', 'letters or digits'],
  year: ['digit of the year made', 'digits of the year made'],
  month: ['digit of the month made', 'digits of the month made'],
  week: ['digit of the week made', 'digits of the week made'],
  literal: ['', ''],
};

/** A description an owner can follow: "2 letters, then 8 digits". */
export function describeSerialMask(tokens: readonly MaskToken[]): string {
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as MaskToken;
    if (token.kind === 'literal') {
      let text = '';
      while (i < tokens.length && tokens[i]?.kind === 'literal') text += (tokens[i++] as { char: string }).char;
      parts.push(`"${text}"`);
      continue;
    }
    let count = 0;
    while (i < tokens.length && tokens[i]?.kind === token.kind) {
      count++;
      i++;
    }
    const [one, many] = nouns[token.kind];
    parts.push(count === 1 ? `1 ${one}` : `${count} ${many}`);
  }
  return parts.join(', then ');
}

/**
 * The mask as an anchored regular expression over a normalised serial, for matching in SQL
 * (bulk imports check every row at once). Only fixed-width classes: no backtracking.
 */
export function serialMaskPattern(tokens: readonly MaskToken[]): string {
  const classes = tokens.map((token) => {
    switch (token.kind) {
      case 'letter':
        return '[A-Z]';
      case 'alphanumeric':
        return '[A-Z0-9]';
      case 'literal':
        return token.char.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
      default:
        return '[0-9]';
    }
  });
  return `^${classes.join('')}$`;
}
