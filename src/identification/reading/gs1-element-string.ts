import { checkGtin } from '../../catalog/gtin.ts';

/** What a GS1 element string (GS1-128, GS1 DataMatrix, GS1 QR) says about a product unit. */
export interface Gs1Unit {
  readonly gtin14: string | null;
  readonly serial: string | null;
  readonly lot: string | null;
}

const groupSeparator = '\u001d';
// Application identifiers whose value has a fixed length (GS1 General Specifications, "predefined
// length"): no separator follows them. Keys are the AI, values the length of the value.
const fixedLength: Readonly<Record<string, number>> = { '00': 18, '01': 14, '02': 14, '03': 14, '04': 16, '11': 6, '12': 6, '13': 6, '15': 6, '16': 6, '17': 6, '20': 2 };
// Variable-length AIs a product label carries, with their longest value; a separator ends them.
const variableLength: Readonly<Record<string, number>> = { '10': 20, '21': 20, '22': 20, '30': 8, '37': 8, '240': 30, '241': 30, '250': 30, '251': 30, '400': 30, '420': 20 };

/**
 * Reads the GTIN (AI 01), serial (AI 21) and lot (AI 10) from a GS1 element string, either raw (as the
 * barcode carries it, with <GS> after variable-length values) or human-readable `(01)…(21)…`.
 * Parsing stops at the first AI it does not know; what came before it is kept.
 */
export function parseGs1ElementString(text: string): Gs1Unit {
  const values = text.trim().startsWith('(') ? readBracketed(text.trim()) : readRaw(text.replace(/^\]([CdQe])[0-9]/, ''));
  const gtin = values.get('01');
  const check = gtin ? checkGtin(gtin) : null;
  return {
    gtin14: check?.valid ? check.gtin14 : null,
    serial: values.get('21') ?? null,
    lot: values.get('10') ?? null,
  };
}

function readBracketed(text: string): Map<string, string> {
  const values = new Map<string, string>();
  // A value runs to the next "(NN…)" whose number is a known AI, so a "(" inside a serial survives.
  const pattern = /\((\d{2,4})\)/g;
  const marks = [...text.matchAll(pattern)].filter((match) => isKnownAi(match[1] as string));
  marks.forEach((mark, i) => {
    const start = (mark.index as number) + mark[0].length;
    const end = i + 1 < marks.length ? (marks[i + 1]?.index as number) : text.length;
    values.set(mark[1] as string, text.slice(start, end));
  });
  return values;
}

function readRaw(text: string): Map<string, string> {
  const values = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    if (text[at] === groupSeparator) {
      at++;
      continue;
    }
    const ai = aiAt(text, at);
    if (!ai) break;
    at += ai.length;
    const fixed = fixedLength[ai] ?? (isMeasure(ai) ? 6 : undefined);
    if (fixed !== undefined) {
      values.set(ai, text.slice(at, at + fixed));
      at += fixed;
      continue;
    }
    const separator = text.indexOf(groupSeparator, at);
    const end = Math.min(separator === -1 ? text.length : separator, at + (variableLength[ai] as number));
    values.set(ai, text.slice(at, end));
    at = end;
  }
  return values;
}

function aiAt(text: string, at: number): string | null {
  for (const length of [2, 3, 4]) {
    const ai = text.slice(at, at + length);
    if (isKnownAi(ai)) return ai;
  }
  return null;
}

function isKnownAi(ai: string): boolean {
  return fixedLength[ai] !== undefined || variableLength[ai] !== undefined || isMeasure(ai);
}

/** AIs 3100–3699: a trade measure (weight, length…) with its decimals, always 6 digits. */
function isMeasure(ai: string): boolean {
  return /^3[1-6]\d\d$/.test(ai);
}
