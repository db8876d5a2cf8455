import { type LabelCatalog, type LabelModel, type Proposal, closeMargin, proposeConfidence, sureConfidence } from '../label-types.ts';
import { boxesOf, spansOf } from './label-text.ts';
import { type BarcodeFacts, type ModelMatch, modelMatches } from './model-match.ts';
import type { Bbox, OcrLine } from './ocr-text.ts';
import { type SerialMatch, serialMatches } from './serial-match.ts';

/** The model and serial a label's text and codes name, as the owner will be asked to confirm them. */
export interface LabelFields {
  readonly model: Proposal | null;
  readonly serial: Proposal | null;
  readonly manufacturedOn: string | null;
  readonly needsConfirmation: boolean;
  readonly candidates: { readonly models: readonly Proposal[]; readonly serials: readonly Proposal[] };
  /** Boxes of the words the values were read from (and of the best candidates when none was proposed). */
  readonly evidence: readonly Bbox[];
}

const listed = 3;

/**
 * Finds the model and the serial in what was read off a label. A value is proposed only when it is
 * the clear best reading; anything unsure, missing or tied sets `needsConfirmation`, and a tie
 * proposes nothing, so a wrong value is never offered as certain. `today` ('YYYY-MM-DD') rules out
 * serials that would have been made in the future.
 */
export function labelFields(read: { readonly lines: readonly OcrLine[]; readonly barcodes: readonly BarcodeFacts[] }, catalog: LabelCatalog, today: string): LabelFields {
  const spans = spansOf(read.lines);
  const models = modelMatches(spans, read.barcodes, catalog);
  const modelPick = pick(models, (match) => match.model.id);

  const considered: readonly LabelModel[] = modelPick.chosen ? [modelPick.chosen.model] : models.length > 0 ? models.slice(0, listed).map((match) => match.model) : catalog.models;
  const modelWords = new Set(models.slice(0, listed).flatMap((match) => match.spans.flatMap((span) => span.wordKeys)));
  const serials = serialMatches(spans, read.barcodes, considered, modelWords, today);
  const serialPick = pick(serials, (match) => match.value);

  let model = modelPick.chosen ? modelProposal(modelPick.chosen) : null;
  let modelCandidates = models.slice(0, listed).map(modelProposal);
  if (models.length === 0) {
    // No model named, but the serial fits the rule of exactly one model: offer it, to be confirmed.
    const owners = [...new Set(serials.flatMap((match) => match.fits))];
    if (owners.length === 1) {
      const only = owners[0] as LabelModel;
      model = { value: only.sku, modelId: only.id, confidence: proposeConfidence, source: 'ocr' };
      modelCandidates = [model];
    }
  }
  const serialMatch = serialPick.chosen;
  const serial = serialMatch ? serialProposal(serialMatch) : null;

  const needsConfirmation = !model || !serial || model.confidence < sureConfidence || serial.confidence < sureConfidence || modelPick.tied || serialPick.tied;
  const evidenceSpans = [...(modelPick.chosen ? [modelPick.chosen] : models.slice(0, 1)), ...(serialMatch ? [serialMatch] : serials.slice(0, 1))].flatMap((match) => match.spans);
  return {
    model,
    serial,
    manufacturedOn: serialMatch?.manufacturedOn ?? null,
    needsConfirmation,
    candidates: { models: modelCandidates, serials: serials.slice(0, listed).map(serialProposal) },
    evidence: boxesOf(evidenceSpans),
  };
}

/** The clear best of a list sorted best first: good enough to propose, and not tied with a different value. */
function pick<T extends { confidence: number; source: 'barcode' | 'ocr' }>(matches: readonly T[], identity: (match: T) => string): { chosen: T | null; tied: boolean } {
  const [best, ...rest] = matches;
  if (!best) return { chosen: null, tied: false };
  const rival = rest.find((match) => identity(match) !== identity(best));
  const tied = rival !== undefined && rival.confidence >= best.confidence - closeMargin && !(best.source === 'barcode' && rival.source === 'ocr');
  return { chosen: !tied && best.confidence >= proposeConfidence ? best : null, tied };
}

function modelProposal(match: ModelMatch): Proposal {
  return { value: match.model.sku, modelId: match.model.id, confidence: round(match.confidence), source: match.source };
}

function serialProposal(match: SerialMatch): Proposal {
  return { value: match.value, ...(match.model ? { modelId: match.model.id } : {}), confidence: round(match.confidence), source: match.source };
}

function round(confidence: number): number {
  return Math.round(confidence * 1000) / 1000;
}
