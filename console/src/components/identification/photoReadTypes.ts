// Shapes of the photo-read JSON: per registration (/ownerships/:id/photo-reads) and over time (/photo-reads/accuracy).

export type PhotoReadKind = 'label' | 'receipt';

interface Proposal {
  value: string;
  modelId?: string;
  confidence: number;
}

/** What was read, as the reader gave it: a label's model and serial, or a receipt's date, store and amount. */
export interface PhotoReadValues {
  model?: Proposal | null;
  serial?: Proposal | null;
  purchaseDate?: { value: string; confidence: number } | null;
  retailer?: { value: string; confidence: number } | null;
  amount?: { minor: number; currency: string; confidence: number } | null;
}

/** What the owner registered with; fields not compared are absent. */
export interface PhotoReadConfirmed {
  modelId?: string | null;
  serial?: string | null;
  purchaseDate?: string | null;
  retailer?: string | null;
  amount?: { minor: number; currency: string } | null;
}

export interface OwnershipPhotoRead {
  id: string;
  kind: PhotoReadKind;
  method: 'barcode' | 'ocr' | 'none';
  read: PhotoReadValues;
  confirmed: PhotoReadConfirmed | null;
  corrected: boolean | null;
  correctedFields: string[];
  needsConfirmation: boolean;
  problem: 'no_label' | 'unreadable' | 'busy' | null;
  durationMs: number;
  photoUrl: string | null;
  ownershipId: string | null;
  createdAt: string;
  confirmedAt: string | null;
}

export interface PhotoReadFigures {
  reads: number;
  /** Photos from which nothing could be read. */
  unreadable: number;
  askedToConfirm: number;
  /** Reads that ended in a registration. */
  confirmed: number;
  /** Of those, reads where the owner changed a value OpenOX proposed. */
  corrected: number;
  correctedByField: Record<string, number>;
  correctedShare: number | null;
  askedShare: number | null;
  medianMs: number | null;
}

export interface PhotoReadAccuracy {
  kind: PhotoReadKind;
  bucket: 'day' | 'week' | 'month';
  from: string;
  to: string;
  buckets: (PhotoReadFigures & { start: string })[];
  total: PhotoReadFigures;
}
