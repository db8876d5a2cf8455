import { type EvalModel, evalBrand, evalRetailers } from './catalog.ts';
import type { Random } from './random.ts';
import { type FontFamily, fittedSize, monospaceFamilies, svgText } from './svg-text.ts';

/** What a receipt says, and what a reader should take from it. */
export interface ReceiptContent {
  /** The entry of the brand's retailer list this store is. */
  readonly retailer: string;
  /** The store's name as printed, decorations included. */
  readonly printedStore: string;
  readonly purchaseDate: string;
  readonly printedDate: string;
  readonly lines: readonly ReceiptLine[];
  readonly totalMinor: number;
  readonly font: FontFamily;
  readonly ink: string;
}

type ReceiptLine = { readonly text: string; readonly price?: string; readonly align?: 'middle'; readonly size?: number; readonly bold?: boolean };

const cities = ['SPRINGFIELD, IL', 'AUSTIN, TX', 'COLUMBUS, OH', 'BOISE, ID', 'TACOMA, WA', 'RALEIGH, NC'];
const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const extras = [
  ['DISHWASHER PODS 42CT', 1297],
  ['INSTALL KIT', 2900],
  ['HOSE 6FT SS BRAIDED', 1498],
  ['PROTECTION PLAN 2YR', 7999],
  ['POWER CORD 3-PRONG', 2497],
  ['DESCALER 2PK', 899],
] as const;
const totalLabels = ['TOTAL', 'Total', '**** TOTAL', 'TOTAL DUE', 'BALANCE DUE'];

export function writeReceipt(model: EvalModel, random: Random): ReceiptContent {
  const retailer = random.pick(evalRetailers);
  const city = random.pick(cities);
  const store = random.pick(retailer.printed);
  const printedStore = store
    .replace('{store3}', String(random.int(100, 999)))
    .replace('{store4}', String(random.int(1, 9999)).padStart(4, '0'))
    .replace('{store5}', String(random.int(1, 99999)).padStart(5, '0'))
    .replace('{city}', (city.split(',')[0] as string).replace(/\b(\w)(\w*)/g, (_, first: string, rest: string) => first + rest.toLowerCase()));
  const purchased = new Date(Date.UTC(random.int(2023, 2025), random.int(0, 11), random.int(1, 28)));
  const dateFormat = random.int(0, 5);
  const time = `${random.int(8, 20)}:${String(random.int(0, 59)).padStart(2, '0')}`;

  const productPrice = random.int(89, 1499) * 100 + random.pick([0, 0, 99, 97, 49]);
  const items: [string, number][] = [[`${evalBrand.name} ${model.sku} ${model.name.split(' ')[0]?.toUpperCase()}`, productPrice]];
  for (let i = random.int(0, 3); i > 0; i--) {
    const [name, price] = random.pick(extras);
    items.push([name, price]);
  }
  const subtotal = items.reduce((sum, [, price]) => sum + price, 0);
  const tax = Math.round(subtotal * random.between(0.05, 0.0925));
  const total = subtotal + tax;
  const dollars = (minor: number) => (random.chance(0.3) ? '$' : '') + money(minor);

  const lines: ReceiptLine[] = [
    { text: printedStore, align: 'middle', size: 34, bold: true },
    { text: `${random.int(100, 9999)} ${random.pick(['MAIN ST', 'COMMERCE DR', 'MARKET PKWY', 'OAK AVE'])}`, align: 'middle' },
    { text: city, align: 'middle' },
    { text: `(${random.int(201, 989)}) 555-${String(random.int(100, 199)).padStart(4, '0')}`, align: 'middle' },
    { text: '' },
    { text: dateLine(purchased, dateFormat, time, random) },
    { text: `STORE ${random.int(10, 9999)}  REG ${random.int(1, 30)}  TRN ${random.int(1000, 9999)}` },
    { text: '' },
    ...items.map(([name, price]) => ({ text: name, price: money(price) })),
    { text: '' },
    { text: 'SUBTOTAL', price: money(subtotal) },
    { text: `SALES TAX`, price: money(tax) },
    { text: random.pick(totalLabels), price: dollars(total), bold: true, size: 28 },
    { text: '' },
    { text: `VISA XXXXXXXXXXXX${random.int(1000, 9999)}`, price: money(total) },
    { text: `AUTH CODE ${random.int(100000, 999999)}` },
    { text: 'CHANGE DUE', price: '0.00' },
  ];
  if (random.chance(0.4)) {
    const returnBy = new Date(purchased.getTime() + 90 * 86_400_000);
    lines.push({ text: '' }, { text: `RETURN BY ${formatDate(returnBy, dateFormat)}` });
  }
  lines.push({ text: '' }, { text: random.pick(['THANK YOU FOR SHOPPING', 'THANK YOU!', 'PLEASE COME AGAIN']), align: 'middle' });

  return {
    retailer: retailer.name,
    printedStore,
    purchaseDate: purchased.toISOString().slice(0, 10),
    printedDate: formatDate(purchased, dateFormat),
    lines,
    totalMinor: total,
    font: random.chance(0.75) ? random.pick(monospaceFamilies) : random.pick(['DejaVu Sans Condensed', 'Liberation Sans Narrow'] as const),
    ink: random.pick(['#222222', '#3a3a3a', '#4a4a55']),
  };
}

/** US receipts write month before day; the formats differ in separators, year digits and month names. */
function formatDate(date: Date, format: number): string {
  const yyyy = String(date.getUTCFullYear());
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mon = months[date.getUTCMonth()] as string;
  switch (format) {
    case 0:
      return `${mm}/${dd}/${yyyy}`;
    case 1:
      return `${mm}/${dd}/${yyyy.slice(2)}`;
    case 2:
      return `${yyyy}-${mm}-${dd}`;
    case 3:
      return `${mon.charAt(0)}${mon.slice(1).toLowerCase()} ${Number(dd)}, ${yyyy}`;
    case 4:
      return `${dd} ${mon} ${yyyy}`;
    default:
      return `${mm}-${dd}-${yyyy}`;
  }
}

function dateLine(date: Date, format: number, time: string, random: Random): string {
  const printed = formatDate(date, format);
  return random.chance(0.5) ? `${printed}  ${time}` : `DATE ${printed}   TIME ${time}`;
}

function money(minor: number): string {
  const whole = Math.floor(minor / 100).toLocaleString('en-US');
  return `${whole}.${String(minor % 100).padStart(2, '0')}`;
}

/** The receipt as an SVG `widthPx` pixels wide, on thermal paper. */
export function receiptSvg(receipt: ReceiptContent, widthPx: number): { svg: string; width: number; height: number } {
  const width = 520;
  const pad = 26;
  const parts: string[] = [];
  let y = 40;
  for (const line of receipt.lines) {
    const size = line.size ?? 22;
    y += line.text ? size + 12 : 16;
    if (!line.text) continue;
    const options = { family: receipt.font, fill: receipt.ink, bold: line.bold };
    if (line.align === 'middle') {
      parts.push(svgText(width / 2, y, line.text, { ...options, size: fittedSize(line.text, receipt.font, size, width - 2 * pad, line.bold), anchor: 'middle' }));
    } else if (line.price !== undefined) {
      parts.push(svgText(pad, y, line.text, { ...options, size: fittedSize(line.text, receipt.font, size, width * 0.66 - pad, line.bold) }));
      parts.push(svgText(width - pad, y, line.price, { ...options, size, anchor: 'end' }));
    } else {
      parts.push(svgText(pad, y, line.text, { ...options, size: fittedSize(line.text, receipt.font, size, width - 2 * pad, line.bold) }));
    }
  }
  const height = y + 50;
  const heightPx = Math.round((widthPx * height) / width);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#fbfaf6"/>${parts.join('')}</svg>`;
  return { svg, width: widthPx, height: heightPx };
}
