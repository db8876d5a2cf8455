/** A registered unit a product event may come from: an active ownership with a serial. */
export interface RegisteredUnit {
  readonly ownershipId: string;
  readonly ownerId: string;
  readonly modelId: string;
  /** Normalised (capitals, no spaces). */
  readonly serial: string;
}

export type UnitMatch =
  | { readonly kind: 'found'; readonly unit: RegisteredUnit }
  | { readonly kind: 'unknown'; readonly message: string }
  | { readonly kind: 'ambiguous'; readonly count: number };

/**
 * Which registered unit an event names. `modelIds`: the models of the GTIN the event gave (empty
 * when the brand has no such GTIN), or null when it gave none. A serial alone that two models share
 * is not guessed between: the product must say its GTIN.
 */
export function matchUnit(serial: string, modelIds: readonly string[] | null, units: readonly RegisteredUnit[]): UnitMatch {
  if (modelIds !== null && modelIds.length === 0) {
    return { kind: 'unknown', message: "This GTIN is not one of your brand's models; check it, or add it to the model in the catalog." };
  }
  const candidates = units.filter((unit) => unit.serial === serial && (modelIds === null || modelIds.includes(unit.modelId)));
  if (candidates.length === 1) return { kind: 'found', unit: candidates[0] as RegisteredUnit };
  if (candidates.length > 1) return { kind: 'ambiguous', count: candidates.length };
  return {
    kind: 'unknown',
    message: modelIds === null
      ? `No registered product of your brand has the serial ${serial}; check it, or register the product first.`
      : `No registered product of this model has the serial ${serial}; check it, or register the product first.`,
  };
}
