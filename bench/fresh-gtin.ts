import { createHash } from 'node:crypto';
import { gs1CheckDigit } from '../src/catalog/gtin.ts';

/** A valid GTIN-13 in the 2xx (restricted, in-store) range, different for every run and label. */
export function freshGtinFor(label: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(`${label}:${process.pid}:${Date.now()}:${Math.random()}`).digest('hex').slice(0, 12)}`) % 10n ** 11n;
  const body = `2${digits.toString().padStart(11, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}
