import { type LabelRead, type Proposal, closeMargin, sureConfidence } from '../label-types.ts';

/** Why a photo gave nothing to fill in, as the owner is told it (keys `identify.problem_<problem>`). */
export type PhotoProblem = 'no_label' | 'unreadable' | 'busy' | 'not_an_image' | 'too_large' | 'too_small' | 'no_photo' | 'too_many';

/** What the registration form shows of a label photo it was sent back with (no script). */
export interface LabelReadView {
  readonly readId: string | null;
  readonly problem: PhotoProblem | null;
  /** The model read, when it is sure enough to propose. */
  readonly model: { readonly id: string; readonly name: string } | null;
  /** The serial filled in for the owner to check; null when the owner must choose or type it. */
  readonly serial: string | null;
  readonly manufacturedOn: string | null;
  /** Serials the owner chooses between: never filled in for them. */
  readonly serialChoices: readonly string[];
  readonly modelChoices: readonly { readonly id: string; readonly name: string }[];
  /** The part of the photo the values were read from. */
  readonly cropUrl: string | null;
  /** The form was for another product than the one on the label, and now is for the label's. */
  readonly switchedModel: boolean;
}

/** What the registration form shows of a receipt photo it was sent back with. */
export interface ReceiptReadView {
  readonly readId: string | null;
  readonly problem: PhotoProblem | null;
  readonly purchaseDate: string | null;
  readonly retailer: string | null;
  /** Formatted in the owner's language, e.g. "$499.00". */
  readonly amount: string | null;
}

/** What the owner's photos said, for the registration form to show beside the fields they filled. */
export interface PhotoReadsView {
  readonly label: LabelReadView | null;
  readonly receipt: ReceiptReadView | null;
}

/**
 * What of a label read goes in the form: the serial only when the reader is sure of it (a wrong value
 * is worse than none), otherwise the plausible serials of the model the form is for, as choices.
 */
export function labelReadView(read: LabelRead, names: ReadonlyMap<string, string>, formModelId: string | null, extra: { readId: string | null; cropUrl: string | null }): LabelReadView {
  const model = read.model?.modelId && isSure(read.model, read.candidates.models, (p) => p.modelId) ? { id: read.model.modelId, name: names.get(read.model.modelId) ?? read.model.value } : null;
  const modelId = model?.id ?? formModelId;
  const sureSerial = read.serial && isSure(read.serial, read.candidates.serials, (p) => p.value) && (!modelId || !read.serial.modelId || read.serial.modelId === modelId) ? read.serial.value : null;
  const choices = read.candidates.serials.filter((candidate) => !modelId || !candidate.modelId || candidate.modelId === modelId).map((candidate) => candidate.value);
  const modelChoices = model ? [] : uniqueModels(read, names);
  return {
    readId: extra.readId,
    problem: read.problem,
    model,
    serial: sureSerial,
    manufacturedOn: sureSerial ? read.manufacturedOn : null,
    serialChoices: sureSerial ? [] : [...new Set(choices)].slice(0, 4),
    modelChoices: modelChoices.length > 1 || (modelChoices.length === 1 && modelChoices[0]?.id !== formModelId) ? modelChoices : [],
    cropUrl: extra.cropUrl,
    switchedModel: Boolean(model && formModelId && model.id !== formModelId),
  };
}

/** Sure enough to fill in: confident, and no different reading close to it. */
function isSure(proposal: Proposal, candidates: readonly Proposal[], key: (proposal: Proposal) => string | undefined): boolean {
  const rivals = candidates.filter((candidate) => key(candidate) !== key(proposal));
  return proposal.confidence >= sureConfidence && rivals.every((rival) => proposal.confidence - rival.confidence >= closeMargin);
}

function uniqueModels(read: LabelRead, names: ReadonlyMap<string, string>): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const candidate of [...(read.model ? [read.model] : []), ...read.candidates.models]) {
    if (candidate.modelId && !seen.has(candidate.modelId)) seen.set(candidate.modelId, names.get(candidate.modelId) ?? candidate.value);
  }
  return [...seen].slice(0, 4).map(([id, name]) => ({ id, name }));
}
