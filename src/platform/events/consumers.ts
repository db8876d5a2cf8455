import type { Selectable } from 'kysely';
import type { BrandScope } from '../database/tenancy.ts';
import type { EventTables } from './tables.ts';

export type StoredEvent = Selectable<EventTables['events']>;

/**
 * Something that reacts to events from the outbox (journeys, webhooks, analytics). Delivery is
 * at least once; OpenOX records each (consumer, event) in the handler's transaction and skips
 * redeliveries, so database effects happen once. A handler with effects outside the database
 * (an HTTP call, an email) must make them idempotent itself, keyed by the event id.
 */
export interface EventConsumer {
  /** Stable: it keys the delivery records. */
  readonly name: string;
  /** Event types this consumer wants; `*` for all. */
  readonly types: readonly string[] | '*';
  handle(scope: BrandScope, event: StoredEvent): Promise<void>;
}

export function wants(consumer: EventConsumer, type: string): boolean {
  return consumer.types === '*' || consumer.types.includes(type);
}
