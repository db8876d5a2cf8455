// The console's one way to talk to the API: JSON in and out, the session cookie, and the CSRF header.
import type { FilePurpose, StoredFile } from './types';

export const apiBase = '/api/v1';

export interface FieldProblem {
  path: string;
  message: string;
}

/** An `{ error: { code, message, details } }` answer, or a network failure (code `network_error`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The per-field problems of a `validation_failed` answer; empty for every other error. */
  get fieldProblems(): FieldProblem[] {
    if (this.code !== 'validation_failed' || !Array.isArray(this.details)) return [];
    return this.details.filter(
      (item): item is FieldProblem =>
        typeof item === 'object' && item !== null && typeof item.path === 'string' && typeof item.message === 'string',
    );
  }
}

// The session cookie is HttpOnly; the CSRF token from the session answer proves a write comes from this page.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

// Lets the session provider notice when the session has expired in the middle of work.
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${apiBase}${path}${search ? `?${search}` : ''}`;
}

async function send<T>(method: string, path: string, options: { query?: Query; json?: unknown; form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form; // the browser sets the multipart boundary itself
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached. Check your connection and try again.', null);
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  const apiError = new ApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
    error?.details ?? null,
  );
  // A wrong password is a 401 too, but that is not an expired session.
  if (response.status === 401 && path !== '/session') onUnauthorized?.();
  throw apiError;
}

export const api = {
  get: <T>(path: string, query?: Query) => send<T>('GET', path, { query }),
  post: <T>(path: string, json?: unknown) => send<T>('POST', path, { json: json ?? {} }),
  patch: <T>(path: string, json: unknown) => send<T>('PATCH', path, { json }),
  put: <T>(path: string, json: unknown) => send<T>('PUT', path, { json }),
  delete: <T = void>(path: string) => send<T>('DELETE', path),
  /** A multipart form (a CSV upload with its fields); fields go before the file, as the server reads them in order. */
  postForm: <T>(path: string, form: FormData) => send<T>('POST', path, { form }),
  /** A binary answer (a PDF) to a multipart upload, or the API's error as an ApiError. */
  async postFormForBlob(path: string, form: FormData): Promise<Blob> {
    const response = await fetch(`${apiBase}${path}`, { method: 'POST', body: form, credentials: 'same-origin', headers: csrfToken ? { 'x-csrf-token': csrfToken } : {} });
    if (response.ok) return response.blob();
    const error = ((await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `The server answered ${response.status}.`, error?.details ?? null);
  },
  upload(file: File, purpose: FilePurpose): Promise<StoredFile> {
    const form = new FormData();
    form.append('file', file);
    return send<StoredFile>('POST', '/files', { query: { purpose }, form });
  },
};
