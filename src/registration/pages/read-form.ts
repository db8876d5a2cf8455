import type { FastifyRequest } from 'fastify';

export interface SubmittedForm {
  readonly fields: Record<string, string>;
  /** An attached file; `tooLarge` when it passed the size limit (its content is then dropped). */
  readonly file: SubmittedFile | null;
  /** Files of the other file inputs asked for (a photo of the product's label sent with the form), by field name. */
  readonly otherFiles: Readonly<Record<string, SubmittedFile>>;
}

export interface SubmittedFile {
  readonly name: string;
  readonly type: string;
  readonly content: Buffer;
  readonly tooLarge: boolean;
}

const maxFileBytes = 10 * 1024 * 1024;

/**
 * Reads a multipart form with at most one file, and one more per field named in `otherFileFields`,
 * without failing on an oversized file: the page says so instead.
 */
export async function readMultipartForm(request: FastifyRequest, otherFileFields: readonly string[] = []): Promise<SubmittedForm> {
  const fields: Record<string, string> = {};
  let file: SubmittedForm['file'] = null;
  const otherFiles: Record<string, SubmittedFile> = {};
  // throwFileSizeLimit is honoured per request by @fastify/multipart but missing from its types.
  const options = { throwFileSizeLimit: false, limits: { fields: 40, fieldSize: 4000, files: 1 + otherFileFields.length, fileSize: maxFileBytes } } as Parameters<typeof request.parts>[0];
  for await (const part of request.parts(options)) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    // A file input left empty still sends a part: no name, no bytes.
    if (!part.filename && chunks.length === 0) continue;
    const submitted = { name: part.filename, type: part.mimetype, content: Buffer.concat(chunks), tooLarge: part.file.truncated };
    if (otherFileFields.includes(part.fieldname)) otherFiles[part.fieldname] = submitted;
    else file = submitted;
  }
  return { fields, file, otherFiles };
}
