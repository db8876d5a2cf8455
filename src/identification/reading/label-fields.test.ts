import { describe, expect, it } from 'vitest';
import { parseSerialMask } from '../../catalog/serial-mask.ts';
import type { LabelCatalog, LabelModel } from '../label-types.ts';
import { labelFields } from './label-fields.ts';
import type { BarcodeFacts } from './model-match.ts';
import { type CharacterRival, type OcrLine, contestedCeiling, linesFromText } from './ocr-text.ts';

function model(id: string, sku: string, masks: string[], gtins: string[] = []): LabelModel {
  return {
    id,
    name: `Model ${sku}`,
    sku,
    gtins,
    serialMasks: masks.map((mask) => {
      const parsed = parseSerialMask(mask);
      if (!parsed.ok) throw new Error(parsed.reason);
      return { tokens: parsed.tokens, description: mask };
    }),
  };
}

const washer = model('washer', 'WM-3000X', ['AA########'], ['09506000134352']);
const washerBase = model('washer-base', 'WM-3000', ['AA########']);
const dishwasher = model('dish', 'DW5800', ['D\\W#######']);
const dishwasherSteel = model('dish-steel', 'DWS800', ['DS#######']);
const fridge = model('fridge', 'RF-220B', ['SN-YYWW####']);
const toaster = model('toaster', 'TOASTY-9', []);
const kettle = model('kettle', 'KT-77', ['##**AA']);
const catalog: LabelCatalog = { models: [washer, washerBase, dishwasher, dishwasherSteel, fridge, toaster, kettle] };
const today = '2026-03-20';

function read(text: string, options: { confidence?: number; barcodes?: BarcodeFacts[] } = {}) {
  return labelFields({ lines: linesFromText(text, options.confidence ?? 95), barcodes: options.barcodes ?? [] }, catalog, today);
}

describe('reading model and serial off a label', () => {
  it.each([
    ['a clean label', 'ACME\nMODEL: WM-3000X\nS/N: AB12345678\n120V~ 60Hz', 'washer', 'AB12345678'],
    ['O read for 0 and 8 for B, 6 as G', 'MODEL: WM-3OOOX\nS/N: A812345G78', 'washer', 'AB12345678'],
    ['a lower-case l for 1 and spaces in the serial', 'Model No. WM-3000X\nSerial No. AB l234 5678', 'washer', 'AB12345678'],
    ['the model split in two words', 'MODEL WM 3000X\nSER AB12345678', 'washer', 'AB12345678'],
    ['a market suffix after the model', 'MODEL: WM-3000X/US\nS/N: AB12345678', 'washer', 'AB12345678'],
    ['captions glued to values', 'MODEL:WM-3000X S/N:AB12345678', 'washer', 'AB12345678'],
    ['captions in a header row above the values', 'MODEL NO.        SERIAL NO.\nWM-3000X        AB12345678', 'washer', 'AB12345678'],
    ['5 read for S in a caption', 'MODEL: WM-3000X\n5/N: AB12345678', 'washer', 'AB12345678'],
    ['the GTIN printed under a barcode names the model', '(01)09506000134352\n(21)AB12345678\nS/N AB12345678', 'washer', 'AB12345678'],
    ['the shorter of two SKUs, one the start of the other', 'MODEL: WM-3000\nS/N: CD00000001', 'washer-base', 'CD00000001'],
    ['a serial with a literal prefix read with 5 for S', 'MODEL RF-220B\nSERIAL 5N-24310042', 'fridge', 'SN-24310042'],
  ])('%s', (_case, text, modelId, serial) => {
    const fields = read(text);
    expect(fields.model?.modelId).toBe(modelId);
    expect(fields.serial?.value).toBe(serial);
    expect(fields.needsConfirmation).toBe(false);
    expect(fields.model?.confidence).toBeGreaterThanOrEqual(0.8);
    expect(fields.serial?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('lets the mask decide which way O/0 and 1/I go', () => {
    // Mask ##**AA: positions 0-1 digits, 2-3 either, 4-5 letters.
    const fields = read('MODEL KT-77\nS/N O1B2A0');
    expect(fields.serial?.value).toBe('01B2AO');
  });

  it('asks when the two best models differ only by a confusable character', () => {
    const fields = read('MODEL: DW5800\nS/N: DW1234567');
    expect(fields.model).toBeNull();
    expect(fields.needsConfirmation).toBe(true);
    expect(fields.candidates.models.map((m) => m.modelId)).toEqual(expect.arrayContaining(['dish', 'dish-steel']));
  });

  it('asks when two numbers on the label fit the serial rule and neither is captioned', () => {
    const fields = read('MODEL: WM-3000X\nAB12345678\nCD87654321');
    expect(fields.model?.modelId).toBe('washer');
    expect(fields.serial).toBeNull();
    expect(fields.needsConfirmation).toBe(true);
    expect(fields.candidates.serials.map((s) => s.value).sort()).toEqual(['AB12345678', 'CD87654321']);
  });

  it('prefers the captioned serial over another number that fits the rule', () => {
    const fields = read('MODEL: WM-3000X\nS/N: AB12345678\nLOT CD87654321');
    expect(fields.serial?.value).toBe('AB12345678');
    expect(fields.needsConfirmation).toBe(false);
  });

  it('does not take a code after "S/N" for the model when the model is captioned elsewhere', () => {
    const fields = read('MODEL: WM-3000X\nPART: WM-3000');
    expect(fields.model?.modelId).toBe('washer');
  });

  it('decodes the date of manufacture from the serial', () => {
    const fields = read('MODEL RF-220B\nS/N SN-24310042');
    expect(fields.manufacturedOn).toBe('2024-07-29'); // ISO week 31 of 2024 starts on Monday 29 July
  });

  it.each([
    ['week 99 does not exist', 'MODEL RF-220B\nS/N SN-24990042'],
    ['made in the future', 'MODEL RF-220B\nS/N SN-27100042'],
  ])('doubts a serial whose date is impossible: %s', (_case, text) => {
    const fields = read(text);
    expect(fields.needsConfirmation).toBe(true);
    expect(fields.manufacturedOn).toBeNull();
    expect(fields.serial?.confidence ?? 0).toBeLessThan(0.8);
  });

  it('asks, but still proposes, when tesseract was unsure of the words', () => {
    const fields = read('MODEL: WM-3000X\nS/N: AB12345678', { confidence: 45 });
    expect(fields.model?.modelId).toBe('washer');
    expect(fields.model?.confidence).toBeLessThan(0.8);
    expect(fields.needsConfirmation).toBe(true);
  });

  it('takes a GS1 barcode as exact', () => {
    const fields = read('illegible', { barcodes: [{ text: '(01)09506000134352(21)AB12345678', gtin14: '09506000134352', serial: 'AB12345678' }] });
    expect(fields.model).toEqual({ value: 'WM-3000X', modelId: 'washer', confidence: 1, source: 'barcode' });
    expect(fields.serial).toEqual({ value: 'AB12345678', modelId: 'washer', confidence: 1, source: 'barcode' });
    expect(fields.needsConfirmation).toBe(false);
  });

  it('takes a plain Code 128 serial when it fits the rule of the model the GTIN named', () => {
    const fields = read('', { barcodes: [{ text: '09506000134352', gtin14: '09506000134352', serial: null }, { text: 'AB12345678', gtin14: null, serial: null }] });
    expect(fields.serial).toMatchObject({ value: 'AB12345678', confidence: 1, source: 'barcode' });
  });

  it('offers the model whose serial rule alone fits, to be confirmed', () => {
    const fields = read('S/N: 4455XY');
    expect(fields.model).toMatchObject({ modelId: 'kettle', confidence: 0.5 });
    expect(fields.serial?.value).toBe('4455XY');
    expect(fields.needsConfirmation).toBe(true);
  });

  it('offers no model when the serial fits the rules of several', () => {
    const fields = read('S/N: AB12345678');
    expect(fields.model).toBeNull();
    expect(fields.serial?.value).toBe('AB12345678');
    expect(fields.needsConfirmation).toBe(true);
  });

  it('reads what follows "S/N" for a model without serial rules, to be confirmed', () => {
    const fields = read('MODEL TOASTY-9\nS/N: XQ-77-1');
    expect(fields.model?.modelId).toBe('toaster');
    expect(fields.serial?.value).toBe('XQ-77-1');
    expect(fields.needsConfirmation).toBe(true);
  });

  it('finds nothing in text that names no model', () => {
    const fields = read('Made in USA\n120V 60Hz 15A\nCAUTION: hot surface');
    expect(fields.model).toBeNull();
    expect(fields.serial).toBeNull();
    expect(fields.needsConfirmation).toBe(true);
    expect(fields.candidates).toEqual({ models: [], serials: [] });
  });

  it('points at the words the values came from', () => {
    const fields = read('ACME\nMODEL: WM-3000X\nS/N: AB12345678');
    expect(fields.evidence.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...fields.evidence.map((box) => box.y0))).toBe(20); // line 2, not the brand name on line 1
  });

  it('never proposes a near-miss of a model with confidence', () => {
    const fields = read('MODEL: WM-3O0Y');
    expect(fields.model === null || fields.model.confidence < 0.8).toBe(true);
    expect(fields.needsConfirmation).toBe(true);
  });
});

/** Lines of a label whose word spelled `word` had close rivals for some of its characters. */
function withRivals(lines: readonly OcrLine[], word: string, rivals: CharacterRival[]): OcrLine[] {
  return lines.map((line) => ({ words: line.words.map((each) => (each.text === word ? { ...each, rivals } : each)) }));
}

function readWithRivals(text: string, word: string, rivals: CharacterRival[], labelCatalog: LabelCatalog = catalog) {
  return labelFields({ lines: withRivals(linesFromText(text, 95), word, rivals), barcodes: [] }, labelCatalog, today);
}

describe('a character OCR nearly read as another', () => {
  const label = 'MODEL: WM-3000X\nS/N: AB12345678';

  it('asks, still proposing the serial, when the rival would make it another serial', () => {
    expect(read(label).needsConfirmation).toBe(false);
    const fields = readWithRivals(label, 'AB12345678', [{ at: 5, rival: '9' }]);
    expect(fields.serial?.value).toBe('AB12345678');
    expect(fields.serial?.confidence).toBe(contestedCeiling);
    expect(fields.model?.confidence).toBeGreaterThanOrEqual(0.8);
    expect(fields.needsConfirmation).toBe(true);
  });

  it.each([
    ['an O for a 0 where the rule wants a digit', 'AB10345678', [{ at: 3, rival: 'O' }]],
    ['an 8 for a B where the rule wants a letter', 'AB10345678', [{ at: 1, rival: '8' }]],
    ['a letter where the rule allows only a digit', 'AB10345678', [{ at: 5, rival: 'E' }]],
  ])('does not ask when the serial rule settles the rival: %s', (_case, serial, rivals) => {
    const fields = readWithRivals(`MODEL: WM-3000X\nS/N: ${serial}`, serial, rivals);
    expect(fields.serial?.value).toBe(serial);
    expect(fields.needsConfirmation).toBe(false);
  });

  it('places the rivals of a word holding caption and value ("S/N:AB10345678") in the value', () => {
    const glued = 'MODEL: WM-3000X\nS/N:AB10345678';
    // Index 7 of the word is the serial's 0 (an O there changes nothing), 9 its 4, 0 the caption's S.
    expect(readWithRivals(glued, 'S/N:AB10345678', [{ at: 7, rival: 'O' }]).needsConfirmation).toBe(false);
    expect(readWithRivals(glued, 'S/N:AB10345678', [{ at: 9, rival: '9' }]).needsConfirmation).toBe(true);
    expect(readWithRivals(glued, 'S/N:AB10345678', [{ at: 0, rival: 'B' }]).needsConfirmation).toBe(false);
  });

  it('places the rivals of a serial read in two words', () => {
    const split = 'MODEL: WM-3000X\nS/N: AB1234 5608';
    // The second word's 0 is the serial's 8th character; an O there changes nothing, a 9 for its 5 does.
    expect(readWithRivals(split, '5608', [{ at: 2, rival: 'O' }]).needsConfirmation).toBe(false);
    expect(readWithRivals(split, '5608', [{ at: 0, rival: '9' }]).needsConfirmation).toBe(true);
  });

  describe('in the model', () => {
    const dishwashers: LabelCatalog = { models: [model('dw500', 'DW-500', ['AA########']), model('dw550', 'DW-550', ['AA########'])] };
    const text = 'MODEL: DW-550\nS/N: MA29001592';

    it('asks when the rival would name another model of the catalog', () => {
      expect(readWithRivals(text, 'DW-550', [], dishwashers).needsConfirmation).toBe(false);
      const fields = readWithRivals(text, 'DW-550', [{ at: 4, rival: '0' }], dishwashers);
      expect(fields.model?.modelId).toBe('dw550');
      expect(fields.model?.confidence).toBe(contestedCeiling);
      expect(fields.needsConfirmation).toBe(true);
    });

    it('does not ask when the rival names no model: the catalog vouches for the reading', () => {
      const fields = readWithRivals(text, 'DW-550', [{ at: 4, rival: '6' }, { at: 5, rival: '8' }], dishwashers);
      expect(fields.model?.modelId).toBe('dw550');
      expect(fields.needsConfirmation).toBe(false);
    });
  });
});
