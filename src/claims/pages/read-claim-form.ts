import type { FastifyRequest } from 'fastify';
import { uploadRules } from '../../platform/files/files.ts';

export const maxPhotos = 5;
// A few more than a form takes are read (and set aside) so that the fields after them still arrive.
const filesReadAtMost = 20;

export interface ClaimFormFile {
  readonly field: string;
  readonly name: string;
  readonly content: Buffer;
  /** Past the size limit: its content was cut off and dropped, and the page says so. */
  readonly tooLarge: boolean;
}

export interface ClaimForm {
  /** Each field's values in order: checkboxes of one name send several. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly files: readonly ClaimFormFile[];
  /** More files were sent than a form takes; the extra ones were not read. */
  readonly tooManyFiles: boolean;
}

/**
 * Reads an owner's multipart form with several photos, without failing on an oversized or extra
 * file: the page tells the owner instead, keeping what they typed.
 */
export async function readClaimForm(request: FastifyRequest): Promise<ClaimForm> {
  const fields: Record<string, string[]> = {};
  const files: ClaimFormFile[] = [];
  let tooManyFiles = false;
  // throwFileSizeLimit is honoured per request by @fastify/multipart but missing from its types.
  const options = {
    throwFileSizeLimit: false,
    limits: { fields: 30, fieldSize: 8000, files: filesReadAtMost, fileSize: uploadRules.proof.maxBytes },
  } as Parameters<typeof request.parts>[0];
  try {
    for await (const part of request.parts(options)) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') (fields[part.fieldname] ??= []).push(part.value);
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      // A file input left empty still sends a part: no name, no bytes.
      if (!part.filename && chunks.length === 0) continue;
      if (files.length === maxPhotos) {
        tooManyFiles = true;
        continue;
      }
      files.push({ field: part.fieldname, name: part.filename, content: Buffer.concat(chunks), tooLarge: part.file.truncated });
    }
  } catch (error) {
    // Far more files than asked for: the rest of the form is not read, and the owner is told.
    if ((error as { code?: string }).code !== 'FST_FILES_LIMIT') throw error;
    tooManyFiles = true;
  }
  return { fields, files, tooManyFiles };
}

/** A form's single value for `name` (the last one sent), or ''. */
export function fieldValue(form: ClaimForm, name: string): string {
  return form.fields[name]?.at(-1) ?? '';
}
