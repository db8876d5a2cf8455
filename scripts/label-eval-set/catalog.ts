import { checkGtin, gs1CheckDigit } from '../../src/catalog/gtin.ts';
import { describeSerialMask, parseSerialMask, type MaskToken } from '../../src/catalog/serial-mask.ts';
import type { LabelCatalog } from '../../src/identification/read-label.ts';

/**
 * The fictitious brand the evaluation set is made for: a handful of appliances whose model numbers
 * are close to each other on purpose (DW-500 / DW-550, WM-1200 / WM-1200X), serial rules with and
 * without a date of manufacture, and GTINs from GS1's demonstration prefixes (952 for EAN-13,
 * 0614141 for UPC-A), which no real product carries.
 */
export const evalBrand = { name: 'HALVARD', tagline: 'Home Appliances', digitalLinkHost: 'id.halvard.example' } as const;

export interface EvalModel {
  readonly id: string;
  readonly name: string;
  readonly sku: string;
  /** As printed under a barcode: 13 digits (EAN-13) or 12 (UPC-A). */
  readonly printedGtin: string;
  /** Normalised to 14 digits, as OpenOX stores GTINs. */
  readonly gtin14: string;
  readonly serialMask: string;
  readonly ratings: readonly string[];
}

interface ModelSource {
  readonly id: string;
  readonly name: string;
  readonly sku: string;
  readonly gtinBody: string;
  readonly serialMask: string;
  readonly ratings: readonly string[];
}

const sources: readonly ModelSource[] = [
  { id: '6e0a1c52-0b8f-4d3e-9a51-000000000500', name: 'Dishwasher 45 cm', sku: 'DW-500', gtinBody: '952123400500', serialMask: 'AA########', ratings: ['220-240 V ~ 50 Hz', '1900 W', '10 A'] },
  { id: '6e0a1c52-0b8f-4d3e-9a51-000000000550', name: 'Dishwasher 60 cm', sku: 'DW-550', gtinBody: '952123400550', serialMask: 'AA########', ratings: ['220-240 V ~ 50 Hz', '2000 W', '10 A'] },
  { id: '6e0a1c52-0b8f-4d3e-9a51-000000001200', name: 'Washing machine 8 kg', sku: 'WM-1200', gtinBody: '952123401200', serialMask: 'SN-YYWW####', ratings: ['220-240 V ~ 50 Hz', '2100 W', '10 A', 'IPX4'] },
  { id: '6e0a1c52-0b8f-4d3e-9a51-00000000120a', name: 'Washing machine 9 kg', sku: 'WM-1200X', gtinBody: '952123401201', serialMask: 'SN-YYWW####', ratings: ['220-240 V ~ 50 Hz', '2200 W', '10 A', 'IPX4'] },
  { id: '6e0a1c52-0b8f-4d3e-9a51-000000003300', name: 'Refrigerator 330 l', sku: 'RF-3300', gtinBody: '61414103300', serialMask: 'YYMMA#####', ratings: ['115 V ~ 60 Hz', '6.5 A', 'R600a 58 g'] },
  { id: '6e0a1c52-0b8f-4d3e-9a51-000000000088', name: 'Kettle 1.7 l', sku: 'KT-88B', gtinBody: '61414100088', serialMask: 'K########', ratings: ['120 V ~ 60 Hz', '1500 W'] },
  { id: '6e0a1c52-0b8f-4d3e-9a51-000000001800', name: 'Cordless drill 18 V', sku: 'CD-18V', gtinBody: '952123401800', serialMask: '###########', ratings: ['18 V DC', '2.0 Ah Li-ion'] },
];

export const evalModels: readonly EvalModel[] = sources.map((source) => {
  const printedGtin = `${source.gtinBody}${gs1CheckDigit(source.gtinBody)}`;
  const check = checkGtin(printedGtin);
  if (!check.valid) throw new Error(`Evaluation catalog GTIN ${printedGtin}: ${check.reason}`);
  return { id: source.id, name: source.name, sku: source.sku, printedGtin, gtin14: check.gtin14, serialMask: source.serialMask, ratings: source.ratings };
});

export function serialMaskTokens(mask: string): readonly MaskToken[] {
  const parsed = parseSerialMask(mask);
  if (!parsed.ok) throw new Error(`Evaluation catalog mask ${mask}: ${parsed.reason}`);
  return parsed.tokens;
}

/** The catalog in the shape the label reader takes. */
export const evalLabelCatalog: LabelCatalog = {
  models: evalModels.map((model) => {
    const tokens = serialMaskTokens(model.serialMask);
    return { id: model.id, name: model.name, sku: model.sku, gtins: [model.gtin14], serialMasks: [{ tokens, description: describeSerialMask(tokens) }] };
  }),
};

/** The brand's retailer list (what a receipt's store name is matched to), and how receipts print each. */
export const evalRetailers: readonly { readonly name: string; readonly printed: readonly string[] }[] = [
  { name: 'The Home Depot', printed: ['THE HOME DEPOT #{store4}', 'The Home Depot', 'HOME DEPOT {store4}'] },
  { name: "Lowe's", printed: ["LOWE'S HOME CENTERS, LLC", "LOWE'S #{store4}", "Lowe's of {city}"] },
  { name: 'Best Buy', printed: ['BEST BUY #{store3}', 'Best Buy Store {store4}', 'BEST BUY'] },
  { name: 'Walmart', printed: ['Walmart Supercenter', 'WALMART #{store4}', 'WAL*MART'] },
  { name: 'Target', printed: ['TARGET T-{store4}', 'Target Store #{store4}', 'TARGET'] },
  { name: 'Costco', printed: ['COSTCO WHOLESALE #{store3}', 'Costco Wholesale', 'COSTCO {city}'] },
  { name: 'Menards', printed: ['MENARDS - {city}', 'Menards #{store4}'] },
  { name: 'Ace Hardware', printed: ['ACE HARDWARE #{store5}', "Miller's Ace Hardware", 'ACE Hardware {city}'] },
];

export const evalRetailerNames: readonly string[] = evalRetailers.map((retailer) => retailer.name);

/** Where the brand sells: its receipts write dates month first and amounts in dollars. */
export const evalCountries: readonly string[] = ['US'];
