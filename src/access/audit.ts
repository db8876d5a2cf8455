import type { BrandScope } from '../platform/database/tenancy.ts';
import type { Actor } from './principal.ts';

export interface AuditEntry {
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string | null;
  /** What changed: `{ field: [before, after] }` for edits, the new values for creations. */
  readonly changes?: Record<string, unknown>;
}

/** Records who changed what, in the same transaction as the change. */
export async function recordAudit(scope: BrandScope, actor: Actor, entry: AuditEntry): Promise<void> {
  await scope.db
    .insertInto('audit_log')
    .values({
      brand_id: scope.brandId,
      actor_type: actor.type,
      actor_id: actor.id,
      actor_label: actor.label,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      changes: JSON.stringify(entry.changes ?? {}),
      request_id: actor.requestId,
    })
    .execute();
}

/** The fields whose values differ between two versions of a record, as `{ field: [before, after] }`. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = [before[field], after[field]];
  }
  return changes;
}
