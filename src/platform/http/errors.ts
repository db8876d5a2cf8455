/**
 * Every failure the API reports, with its stable code and HTTP status. Clients branch on `code`;
 * `message` is for the person reading it and says what to do. The body is always
 * `{ "error": { "code", "message", "details" } }`.
 */
export const errorCatalog = {
  validation_failed: { status: 400, message: 'The request is not valid; see details for each field.' },
  invalid_cursor: { status: 400, message: 'The cursor is not one this API gave out; start again without it.' },
  invalid_json: { status: 400, message: 'The body is not valid JSON.' },
  missing_idempotency_key: { status: 400, message: 'Send an Idempotency-Key header.' },
  unauthenticated: { status: 401, message: 'Sign in, or send an API key as "Authorization: Bearer <key>".' },
  invalid_credentials: { status: 401, message: 'That email and password do not match a staff account.' },
  forbidden: { status: 403, message: 'Your role does not allow this.' },
  csrf_invalid: { status: 403, message: 'The CSRF token is missing or stale; reload the console and try again.' },
  webhook_signature_invalid: { status: 403, message: 'The webhook signature does not match: check the auth token, and that OPENOX_PUBLIC_URL is the address the provider calls.' },
  not_found: { status: 404, message: 'There is no such resource.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed here.' },
  conflict: { status: 409, message: 'This conflicts with existing data.' },
  registration_conflict: {
    status: 409,
    message: 'This unit is already registered to another owner. The claim is recorded for the brand to review (usually a resale, settled by a transfer).',
  },
  claim_transition_not_allowed: { status: 409, message: 'A claim in this status cannot move to that status; see details for the statuses it can move to.' },
  template_in_use: {
    status: 409,
    message: 'Journeys still send this template: make their send steps use another template (owners already on an older version must finish first), then remove it. See details for the journeys.',
  },
  claim_closed: { status: 409, message: 'This claim is closed and cannot be changed; file a new claim if the problem is back.' },
  idempotency_key_reused: {
    status: 422,
    message: 'This Idempotency-Key was already used for a different request; use a new key for a new request.',
  },
  payload_too_large: { status: 413, message: 'The upload is too large.' },
  unsupported_media_type: { status: 415, message: 'This content type is not accepted here.' },
  photo_unreadable: { status: 422, message: 'No model, serial or receipt details could be read on this photo; take it again closer, with more light and no glare, or type the values.' },
  template_not_renderable: { status: 422, message: 'This template cannot be rendered for this owner; see the message for what is missing.' },
  telemetry_unit_unknown: { status: 404, message: 'No registered product of your brand has this serial number (and GTIN); check them, or register the product first.' },
  serial_ambiguous: { status: 409, message: 'More than one registered product has this serial number; send the GTIN too, so the model is known.' },
  too_many_attempts: { status: 429, message: 'Too many attempts; wait a few minutes and try again.' },
  rate_limited: { status: 429, message: 'Too many requests; wait the number of seconds in the Retry-After header, then send again.' },
  internal: { status: 500, message: 'Something went wrong on our side. It has been logged; try again.' },
  unavailable: { status: 503, message: 'OpenOX is not ready yet; try again shortly.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** An expected failure, turned into the API's error shape by the error handler. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? errorCatalog[code].message);
    this.name = 'ApiError';
    this.code = code;
    this.statusCode = errorCatalog[code].status;
    this.details = details ?? null;
  }
}

/** A failure of one field of the body, in the shape of the schema's own validation errors. */
export function invalidField(field: string, message: string): ApiError {
  return new ApiError('validation_failed', `${field}: ${message}`, [{ path: `body.${field}`, message }]);
}

export function errorBody(code: ErrorCode, message: string, details: unknown = null) {
  return { error: { code, message, details } };
}
