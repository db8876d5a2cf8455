import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { digitalLinkUrl } from '../resolver/digital-link.ts';
import { printSheetPdf, sheetLayout } from './print-sheet.ts';

const entries = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const serial = `AB${String(10_000_000 + i)}`;
    return { serial, url: digitalLinkUrl('https://ox.example', '09506000134352', serial) };
  });

/** Page objects in the PDF (dictionaries are not compressed; `/Type /Pages` is the page tree, not a page). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page(?!s)/g)?.length ?? 0;
}

describe('printSheetPdf', () => {
  it('lays out 24 labels on an A4 page and 20 on US Letter', () => {
    expect(sheetLayout('A4')).toMatchObject({ columns: 4, rows: 6, perPage: 24 });
    expect(sheetLayout('LETTER')).toMatchObject({ columns: 4, rows: 5, perPage: 20 });
  });

  it('adds pages as needed: 100 serials are 5 pages', async () => {
    const pdf = await printSheetPdf({ brandName: 'Acme', modelName: 'DW-500 Dishwasher', entries: entries(100) });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(5);
    expect(pageCount(await printSheetPdf({ brandName: 'Acme', modelName: 'DW-500', entries: entries(100), paper: 'LETTER' }))).toBe(5);
    expect(pageCount(await printSheetPdf({ brandName: 'Acme', modelName: 'DW-500', entries: entries(25) }))).toBe(2);
  });

  it('prints each serial under its code, in a standard font', async () => {
    const pdf = await printSheetPdf({ brandName: 'Acme', modelName: 'DW-500', entries: entries(3) });
    const text = pdf.toString('latin1');
    expect(text).toContain('/BaseFont /Helvetica-Bold');
    // pdfkit writes text as hex strings inside compressed content streams.
    const content = [...text.matchAll(/stream\r?\n([\s\S]*?)endstream/g)].map(([, data]) => inflateSync(Buffer.from(data as string, 'latin1')).toString('latin1')).join('');
    for (const { serial } of entries(3)) expect(content).toContain(Buffer.from(serial).toString('hex').slice(0, 8));
    expect(content.match(/ re\n/g)?.length).toBeGreaterThan(3 * 100);
  });
});
