import type { MaskToken } from '../catalog/serial-mask.ts';

/** What OpenOX knows of a brand's products to find them on a label. */
export interface LabelCatalog {
  readonly models: readonly LabelModel[];
}

export interface LabelModel {
  readonly id: string;
  readonly name: string;
  readonly sku: string;
  /** GTIN-14s. */
  readonly gtins: readonly string[];
  readonly serialMasks: readonly { readonly tokens: readonly MaskToken[]; readonly description: string }[];
}

/** A value read from a photo, and how sure OpenOX is of it (0..1). */
export interface Proposal {
  readonly value: string;
  readonly modelId?: string;
  readonly confidence: number;
  readonly source: 'barcode' | 'ocr';
}

/** A rectangle in the stored image's pixels. */
export interface CropBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Why a photo gave nothing: `no_label` (no text or code in it), `unreadable` (text, but no model or
 * serial OpenOX could match), `busy` (too many photos being read right now; try again shortly).
 */
export type ReadProblem = 'no_label' | 'unreadable' | 'busy';

/** What OpenOX read on a rating-label photo. */
export interface LabelRead {
  readonly method: 'barcode' | 'ocr' | 'none';
  /** `value` is the model's SKU, `modelId` the model. Null when not found or not sure enough to propose. */
  readonly model: Proposal | null;
  /** `value` is the serial, normalised (capitals, no spaces), `modelId` the model whose rule it fits. */
  readonly serial: Proposal | null;
  /** The date of manufacture the serial encodes under its model's serial rule, 'YYYY-MM-DD'. */
  readonly manufacturedOn: string | null;
  /** The owner must look: something is missing, unsure, or two readings are close. */
  readonly needsConfirmation: boolean;
  /** Every plausible reading, best first, for the owner to choose from. */
  readonly candidates: { readonly models: readonly Proposal[]; readonly serials: readonly Proposal[] };
  /** Where on the stored photo the values were read. */
  readonly crop: CropBox | null;
  readonly durationMs: number;
  readonly problem: ReadProblem | null;
}

/** Confidence from which a value is taken without asking the owner. */
export const sureConfidence = 0.8;
/** Confidence from which a value is proposed at all (below it, only listed among candidates). */
export const proposeConfidence = 0.5;
/** Two readings closer than this are a tie: the owner chooses. */
export const closeMargin = 0.12;
