import PDFDocument from 'pdfkit';
import { qrModules } from './qr-code.ts';

export const paperSizes = ['A4', 'LETTER'] as const;
export type PaperSize = (typeof paperSizes)[number];

export interface PrintSheet {
  readonly brandName: string;
  readonly modelName: string;
  /** One label per entry, in this order: the serial printed under the QR code of its Digital Link. */
  readonly entries: readonly { readonly serial: string; readonly url: string }[];
  readonly paper?: PaperSize;
}

// Points (1/72 inch). A 96 pt (34 mm) code, quiet zone included, scans from arm's length and leaves
// room to cut labels apart; the serial below it is the fallback an owner can type.
const pageSizes: Readonly<Record<PaperSize, readonly [number, number]>> = { A4: [595.28, 841.89], LETTER: [612, 792] };
const margin = 36;
const headerHeight = 24;
const qrSide = 96;
const cellWidth = 128;
const serialSize = 10;
const cellHeight = qrSide + 4 + serialSize + 14;

/** Labels per row, rows per page and labels per page on a paper size. */
export function sheetLayout(paper: PaperSize) {
  const [width, height] = pageSizes[paper];
  const columns = Math.floor((width - 2 * margin) / cellWidth);
  const rows = Math.floor((height - 2 * margin - headerHeight) / cellHeight);
  return { width, height, columns, rows, perPage: columns * rows };
}

/**
 * A PDF of QR code labels for printing: a grid on A4 or US Letter, the serial under each code,
 * pages added as needed. Codes are drawn as vectors, so they stay sharp at any printer resolution.
 */
export async function printSheetPdf(sheet: PrintSheet): Promise<Buffer> {
  const paper = sheet.paper ?? 'A4';
  const layout = sheetLayout(paper);
  const pageCount = Math.max(1, Math.ceil(sheet.entries.length / layout.perPage));
  const doc = new PDFDocument({
    size: paper,
    margin: 0, // placement is explicit; pdfkit's own margins would start pages of their own
    autoFirstPage: false,
    info: { Title: `${sheet.brandName} ${sheet.modelName}: QR code labels`, Producer: 'OpenOX' },
  });
  const pdf = collect(doc);
  // The gutter left over by whole cells is shared on both sides, so the grid sits in the middle of the page.
  const left = (layout.width - layout.columns * cellWidth) / 2;

  for (let page = 0; page < pageCount; page++) {
    doc.addPage({ size: paper, margin: 0 });
    drawHeader(doc, sheet, layout.width, page + 1, pageCount);
    const onPage = sheet.entries.slice(page * layout.perPage, (page + 1) * layout.perPage);
    onPage.forEach((entry, index) => {
      const x = left + (index % layout.columns) * cellWidth;
      const y = margin + headerHeight + Math.floor(index / layout.columns) * cellHeight;
      drawQr(doc, entry.url, x + (cellWidth - qrSide) / 2, y);
      drawSerial(doc, entry.serial, x, y + qrSide + 4);
    });
    // A big sheet takes seconds to draw: let other requests in between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  return pdf;
}

function drawHeader(doc: PDFKit.PDFDocument, sheet: PrintSheet, pageWidth: number, page: number, pageCount: number) {
  const width = pageWidth - 2 * margin;
  doc.font('Helvetica').fontSize(9).fillColor('#555555');
  doc.text(`${sheet.brandName} · ${sheet.modelName}`, margin, margin, { width: width - 80, lineBreak: false, ellipsis: true });
  doc.text(`Page ${page} of ${pageCount}`, margin, margin, { width, align: 'right', lineBreak: false });
}

/**
 * Dark modules are merged into runs per row and filled as one path, which also avoids hairline seams
 * between them. The path is written as raw PDF operators: doc.rect() per run is twice as slow, and a
 * 5,000-label sheet has over a million runs.
 */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number) {
  const symbol = qrModules(url);
  const module = qrSide / (symbol.size + 2 * symbol.quietZone);
  const left = x + symbol.quietZone * module;
  const top = y + symbol.quietZone * module;
  let path = '';
  for (let row = 0; row < symbol.size; row++) {
    let runStart = -1;
    for (let column = 0; column <= symbol.size; column++) {
      const dark = column < symbol.size && symbol.isDark(row, column);
      if (dark && runStart === -1) runStart = column;
      if (!dark && runStart !== -1) {
        path += `${pt(left + runStart * module)} ${pt(top + row * module)} ${pt((column - runStart) * module)} ${pt(module)} re\n`;
        runStart = -1;
      }
    }
  }
  doc.fillColor('#000000').addContent(`${path}f`);
}

/** Hundredths of a point: far finer than any printer dot. */
function pt(value: number): string {
  return value.toFixed(2);
}

function drawSerial(doc: PDFKit.PDFDocument, serial: string, x: number, y: number) {
  doc.font('Helvetica-Bold').fontSize(serialSize);
  // A long serial is set smaller rather than cut off: every character must stay readable.
  const fitted = Math.min(serialSize, (serialSize * (cellWidth - 8)) / doc.widthOfString(serial));
  doc.fontSize(fitted).fillColor('#000000').text(serial, x, y, { width: cellWidth, align: 'center', lineBreak: false });
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
