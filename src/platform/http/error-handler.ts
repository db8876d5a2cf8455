import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { largestUpload } from '../files/files.ts';
import { ApiError, type ErrorCode, errorBody, errorCatalog } from './errors.ts';

interface ErrorReply {
  readonly status: number;
  readonly body: ReturnType<typeof errorBody>;
  /** Not a failure the API expects: log it with its stack. */
  readonly unexpected: boolean;
}

const json = 'Send this request as application/json (uploads as multipart/form-data).';
const largestUploadMb = largestUpload / 1024 / 1024;

// Fastify's and its plugins' own error codes, in the API's terms and words.
const frameworkErrors: Readonly<Record<string, readonly [ErrorCode, string]>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', json],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['unsupported_media_type', 'Upload the file as multipart/form-data with the file in a field named "file".'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The body is larger than this endpoint accepts (1 MB of JSON); upload files separately.'],
  FST_REQ_FILE_TOO_LARGE: ['payload_too_large', `The file is too large: uploads may be at most ${largestUploadMb} MB.`],
  FST_FILES_LIMIT: ['validation_failed', 'Upload one file per request.'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_json', 'The body is not valid JSON; check quotes, commas and brackets.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_json', 'The body is empty; send a JSON object, or no Content-Type header.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['validation_failed', 'The Content-Length header does not match the body.'],
};

/** Turns anything a route throws into the API's one error shape. */
export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof ApiError) {
    return { status: error.statusCode, body: errorBody(error.code, error.message, error.details), unexpected: false };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({
      path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: describeIssue(issue),
    }));
    const first = details[0];
    const message = details.length === 1 && first ? `${first.path.replace(/^body\.?/, '') || 'body'}: ${first.message}` : `${details.length} fields are not valid; see details.`;
    return { status: 400, body: errorBody('validation_failed', message, details), unexpected: false };
  }
  const framework = frameworkErrors[(error as { code?: string }).code ?? ''];
  if (framework) {
    const [code, message] = framework;
    return { status: errorCatalog[code].status, body: errorBody(code, message), unexpected: false };
  }
  const pgError = error as { code?: string; constraint?: string };
  if (pgError.code === '23505') {
    // A unique constraint caught a race the checks before the write could not see.
    return { status: 409, body: errorBody('conflict', 'This was just created or changed by another request; reload and try again.', { constraint: pgError.constraint ?? null }), unexpected: false };
  }
  if (pgError.code === '23503') {
    return { status: 409, body: errorBody('conflict', 'This refers to something that no longer exists, or is still used elsewhere.', { constraint: pgError.constraint ?? null }), unexpected: false };
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 404) return { status, body: errorBody('not_found', errorCatalog.not_found.message), unexpected: false };
  if (status === 405) return { status, body: errorBody('method_not_allowed', errorCatalog.method_not_allowed.message), unexpected: false };
  if (status !== undefined && status >= 400 && status < 500) {
    return { status, body: errorBody('validation_failed', (error as Error).message), unexpected: false };
  }
  return { status: 500, body: errorBody('internal', errorCatalog.internal.message), unexpected: true };
}

function describeIssue(issue: { message?: string; params?: Record<string, unknown>; keyword?: string }): string {
  const keys = issue.params?.keys;
  if (Array.isArray(keys) && keys.length > 0) {
    return `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((key) => JSON.stringify(key)).join(', ')}: remove ${keys.length > 1 ? 'them' : 'it'} (see /docs for the fields this accepts)`;
  }
  return issue.message ?? 'is not valid';
}
