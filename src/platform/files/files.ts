import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import type { Actor } from '../../access/principal.ts';
import { recordAudit } from '../../access/audit.ts';
import type { BrandScope } from '../database/tenancy.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { withoutPhotoMetadata } from './image-metadata.ts';

export const filePurposes = ['image', 'document', 'logo', 'proof'] as const;
export type FilePurpose = (typeof filePurposes)[number];

const megabyte = 1024 * 1024;
/** What each kind of upload may be: types are read from the content, never from the name or header. */
export const uploadRules: Readonly<Record<FilePurpose, { readonly types: readonly string[]; readonly maxBytes: number; readonly label: string }>> = {
  image: { types: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 10 * megabyte, label: 'a JPEG, PNG or WebP image' },
  logo: { types: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 2 * megabyte, label: 'a JPEG, PNG or WebP image' },
  document: { types: ['application/pdf'], maxBytes: 25 * megabyte, label: 'a PDF' },
  proof: { types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'], maxBytes: 10 * megabyte, label: 'a photo (JPEG, PNG, WebP) or a PDF' },
};
export const largestUpload = Math.max(...Object.values(uploadRules).map((rule) => rule.maxBytes));

export const fileView = z.object({
  id: z.uuid(),
  purpose: z.enum(filePurposes),
  contentType: z.string(),
  byteSize: z.number(),
  originalName: z.string(),
  url: z.string(),
  createdAt: z.string(),
}).meta({ id: 'File' });
export type FileView = z.output<typeof fileView>;

export function fileUrl(id: string): string {
  return `/api/v1/files/${id}/content`;
}

export interface Upload {
  readonly purpose: FilePurpose;
  readonly originalName: string;
  readonly declaredType: string;
  readonly content: Buffer;
}

/** Checks what an upload really is (by its bytes) and stores it for the brand. */
export async function storeFile(scope: BrandScope, actor: Actor, upload: Upload): Promise<FileView> {
  const rule = uploadRules[upload.purpose];
  if (upload.content.length === 0) throw invalidField('file', 'The file is empty; choose another.');
  if (upload.content.length > rule.maxBytes) {
    throw new ApiError('payload_too_large', `The file is ${formatBytes(upload.content.length)}; ${upload.purpose} uploads may be at most ${formatBytes(rule.maxBytes)}.`);
  }
  const sniffed = (await fileTypeFromBuffer(upload.content))?.mime;
  if (!sniffed || !rule.types.includes(sniffed)) {
    throw new ApiError('unsupported_media_type', `This file's content is ${sniffed ? describeType(sniffed) : 'not a type OpenOX recognises'}; a ${upload.purpose} must be ${rule.label}.`, {
      detected: sniffed ?? null,
      accepted: rule.types,
    });
  }
  if (upload.declaredType !== 'application/octet-stream' && upload.declaredType !== sniffed) {
    throw new ApiError('unsupported_media_type', `The file was sent as ${upload.declaredType} but its content is ${describeType(sniffed)}; check that it is the file you meant, and its name.`, {
      declared: upload.declaredType,
      detected: sniffed,
    });
  }
  // Photos keep nothing of where and with what they were taken.
  const content = await withoutPhotoMetadata(upload.content, sniffed);
  const row = await scope.db
    .insertInto('files')
    .values({
      brand_id: scope.brandId,
      purpose: upload.purpose,
      content_type: sniffed,
      byte_size: content.length,
      sha256: createHash('sha256').update(content).digest(),
      original_name: upload.originalName.slice(0, 255),
      content,
    })
    .returning(['id', 'purpose', 'content_type', 'byte_size', 'original_name', 'created_at'])
    .executeTakeFirstOrThrow();
  const view = toView(row);
  await recordAudit(scope, actor, { action: 'file.uploaded', subjectType: 'file', subjectId: row.id, changes: { purpose: view.purpose, originalName: view.originalName, byteSize: view.byteSize } });
  return view;
}

export async function getFile(scope: BrandScope, id: string, withContent: boolean) {
  const row = await scope.db
    .selectFrom('files')
    .select(['id', 'purpose', 'content_type', 'byte_size', 'original_name', 'created_at'])
    .$if(withContent, (query) => query.select('content'))
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no file with this id in your brand.');
  return { view: toView(row), content: (row as { content?: Buffer }).content ?? null };
}

function toView(row: { id: string; purpose: FilePurpose; content_type: string; byte_size: number; original_name: string; created_at: Date }): FileView {
  return {
    id: row.id,
    purpose: row.purpose,
    contentType: row.content_type,
    byteSize: row.byte_size,
    originalName: row.original_name,
    url: fileUrl(row.id),
    createdAt: row.created_at.toISOString(),
  };
}

function describeType(mime: string): string {
  const names: Record<string, string> = { 'application/pdf': 'a PDF', 'image/jpeg': 'a JPEG image', 'image/png': 'a PNG image', 'image/webp': 'a WebP image', 'image/gif': 'a GIF image' };
  return names[mime] ?? mime;
}

function formatBytes(bytes: number): string {
  return bytes >= megabyte ? `${(bytes / megabyte).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Sends a stored file as itself and nothing more: its sniffed type, never sniffed again by the
 * browser, and sandboxed, so an uploaded file cannot run as a page of OpenOX's origin.
 */
export function sendStoredFile(reply: FastifyReply, file: { contentType: string; originalName: string; content: Buffer }, cacheControl: string): FastifyReply {
  return reply
    .type(file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .header('cache-control', cacheControl)
    .header('content-disposition', `inline; filename="${file.originalName.replace(/[^\w.-]/g, '_')}"`)
    .send(file.content);
}
