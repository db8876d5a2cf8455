import { editDistance, fold } from './confusions.ts';
import { ocrTrust } from './ocr-text.ts';
import type { ReceiptLine, ReceiptValue } from './receipt-text.ts';

// Words a shop's name carries on a receipt but not in a brand's list: "THE HOME DEPOT #0612", "BEST BUY STORE 123".
const decoration = new Set(['THE', 'INC', 'LLC', 'LTD', 'CO', 'CORP', 'STORE', 'STORES', 'SHOP', 'SA', 'DE', 'CV', 'GMBH', 'AND']);

/**
 * Which of the brand's retailers a receipt is from, spelled as in the brand's list. A shop's name
 * heads the receipt, so the first lines count most; OCR slips are tolerated in long names.
 */
export function retailerOn(lines: readonly ReceiptLine[], retailers: readonly string[]): ReceiptValue<string> | null {
  const found: ReceiptValue<string>[] = [];
  for (const retailer of retailers) {
    const name = nameKey(retailer);
    if (name.length < 2) continue;
    for (const line of lines) {
      const quality = nameQuality(name, line.text);
      if (quality === 0) continue;
      const position = line.index < 6 ? 1 : 0.85;
      found.push({ value: retailer, confidence: Math.min(0.97, quality * position * (0.6 + 0.4 * ocrTrust(line.confidence))), line });
    }
  }
  found.sort((a, b) => b.confidence - a.confidence);
  const [best, ...rest] = found;
  if (!best) return null;
  const rival = rest.find((other) => other.value !== best.value && other.confidence > best.confidence - 0.1);
  return rival ? { ...best, confidence: best.confidence * 0.6 } : best;
}

/** A retailer's name as compared: its words without decoration, folded for OCR look-alikes. */
function nameKey(name: string): string {
  return words(name).join('');
}

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/'S\b/g, 'S')
    .split(/[^A-Z0-9]+/)
    .filter((word) => word && !decoration.has(word) && !/^#?\d+$/.test(word))
    .map(fold);
}

function nameQuality(name: string, lineText: string): number {
  const lineWords = words(lineText);
  const line = lineWords.join('');
  if (name.length < 4) return lineWords.includes(name) ? 0.9 : 0;
  if (line.includes(name)) return 1;
  // Approximate: the closest stretch of the line to the name, within one slip per six characters.
  const allowed = Math.floor(name.length / 6);
  if (allowed === 0 || line.length < name.length - allowed) return 0;
  let closest = Infinity;
  for (let start = 0; start <= Math.max(0, line.length - name.length + allowed); start++) {
    for (const length of [name.length - 1, name.length, name.length + 1]) {
      closest = Math.min(closest, editDistance(line.slice(start, start + length), name));
    }
  }
  return closest <= allowed ? 0.85 - 0.08 * closest : 0;
}
