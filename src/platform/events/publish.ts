import type { BrandScope } from '../database/tenancy.ts';

export interface NewEvent {
  /** `<subject>.<what happened>`, past tense: `model.created`, `ownership.registered`. */
  readonly type: string;
  readonly subjectType: string;
  readonly subjectId: string | null;
  readonly payload: Record<string, unknown>;
}

/**
 * Writes an event to the outbox in the caller's transaction. A database trigger queues its dispatch
 * in the same transaction, so an event exists and is delivered exactly when the change commits.
 */
export async function publishEvent(scope: BrandScope, event: NewEvent): Promise<string> {
  const { id } = await scope.db
    .insertInto('events')
    .values({
      brand_id: scope.brandId,
      type: event.type,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      payload: JSON.stringify(event.payload),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
