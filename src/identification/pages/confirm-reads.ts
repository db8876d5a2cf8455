import { z } from 'zod';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import { confirmPhotoRead } from '../photo-reads.ts';

/** What the owner registered with: the values a photo read is compared against. */
export interface ConfirmedValues {
  readonly ownershipId: string;
  readonly modelId: string;
  readonly serial: string | null;
  readonly purchaseDate: string | null;
  readonly retailer: string | null;
}

/**
 * Links the label and receipt photos read for this form to the ownership they ended in, with the values
 * the owner confirmed, so the brand sees what was read versus what was registered. Called in the
 * registration's transaction: a registration that rolls back confirms nothing.
 */
export async function confirmReadsOfForm(scope: BrandScope, values: Readonly<Record<string, string | undefined>>, confirmed: ConfirmedValues): Promise<void> {
  for (const field of ['photo_read_id', 'receipt_read_id'] as const) {
    const readId = z.uuid().safeParse(values[field]).data;
    if (readId) await confirmPhotoRead(scope, readId, confirmed);
  }
}
