import { fileTypeFromBuffer } from 'file-type';
import { systemActor, type Actor, attributionOf } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { type FilePurpose, type FileView, storeFile } from '../platform/files/files.ts';
import { ApiError } from '../platform/http/errors.ts';
import { type ClaimRow } from './claim-records.ts';
import type { ClaimVisibility } from './tables.ts';

export interface ClaimUpload {
  readonly originalName: string;
  /** What the sender said it is; `application/octet-stream` lets the content alone decide. */
  readonly declaredType: string;
  readonly content: Buffer;
}

/**
 * Stores files on a claim. Each is checked by its content (a photo must be a real image, a document a
 * real PDF) and its size; the first that fails throws, and the caller's transaction then keeps none.
 * `purpose` 'auto': a PDF is stored as a document, anything else must be an image.
 */
export async function attachFiles(
  scope: BrandScope,
  actor: Actor,
  claim: Pick<ClaimRow, 'id'>,
  uploads: readonly ClaimUpload[],
  options: { readonly visibility: ClaimVisibility; readonly purpose: FilePurpose | 'auto' },
): Promise<FileView[]> {
  const by = attributionOf(actor);
  const stored: FileView[] = [];
  for (const upload of uploads) {
    const purpose = options.purpose === 'auto' ? await purposeOf(upload.content) : options.purpose;
    // Owners are not staff: the file's audit entry names OpenOX, the claim names the owner.
    const file = await storeFile(scope, actor.type === 'owner' ? systemActor : actor, { purpose, ...upload }).catch((error: unknown) => {
      throw namingTheFile(error, upload.originalName);
    });
    await scope.db
      .insertInto('claim_attachments')
      .values({ brand_id: scope.brandId, claim_id: claim.id, file_id: file.id, visibility: options.visibility, added_by_type: by.type, added_by_id: by.id, added_by_label: by.label })
      .execute();
    stored.push(file);
  }
  return stored;
}

/** Among several files, says which one was refused. */
function namingTheFile(error: unknown, name: string): unknown {
  if (!(error instanceof ApiError)) return error;
  if (Array.isArray(error.details)) return new ApiError(error.code, `${name}: ${error.message}`, error.details);
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return new ApiError(error.code, `${name}: ${error.message}`, { ...details, file: name });
}

async function purposeOf(content: Buffer): Promise<FilePurpose> {
  return (await fileTypeFromBuffer(content))?.mime === 'application/pdf' ? 'document' : 'image';
}
