import { ApiError } from '../../platform/http/errors.ts';
import type { FieldProblem } from '../../registration/registration-form.ts';
import type { ClaimUpload } from '../claim-attachments.ts';
import { type ClaimForm, maxPhotos } from './read-claim-form.ts';

/** The files of one field of an owner's form, as uploads whose content alone says what they are. */
export function uploadsOf(form: ClaimForm, field: string): ClaimUpload[] {
  return form.files.filter((file) => file.field === field).map((file) => ({ originalName: file.name, declaredType: 'application/octet-stream', content: file.content }));
}

/** What is wrong with a field's files before any is stored: too many, too large, or empty. */
export function fileProblem(form: ClaimForm, field: string): FieldProblem | null {
  if (form.tooManyFiles) return { key: 'claims.errors.photos_too_many', values: { max: String(maxPhotos) } };
  const files = form.files.filter((file) => file.field === field);
  const tooLarge = files.find((file) => file.tooLarge);
  if (tooLarge) return { key: 'claims.errors.photo_too_large', values: { name: tooLarge.name } };
  const empty = files.find((file) => file.content.length === 0);
  if (empty) return { key: 'claims.errors.photo_type', values: { name: empty.name } };
  return null;
}

/** A refused upload (storeFile's checks), as the owner's page says it; null for any other failure. */
export function refusedUpload(error: unknown): FieldProblem | null {
  if (!(error instanceof ApiError)) return null;
  const name = (error.details as { file?: string } | null)?.file ?? '';
  if (error.code === 'payload_too_large') return { key: 'claims.errors.photo_too_large', values: { name } };
  if (error.code === 'unsupported_media_type') return { key: 'claims.errors.photo_type', values: { name } };
  return null;
}
