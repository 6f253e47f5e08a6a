// ApiError mirrors the server's error envelope:
// {"error":{"code","message","fields"?:[{"field","message"}],"request_id"}}
import { z } from 'zod';

export const serverErrorCodes = [
  'invalid_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'unavailable',
  'internal',
] as const;

export type ServerErrorCode = (typeof serverErrorCodes)[number];

/** Codes the client adds for failures that never reached a server answer. */
export type ClientErrorCode = 'network_error' | 'bad_response';

export type ErrorCode = ServerErrorCode | ClientErrorCode;

export type FieldError = { field: string; message: string };

// Extra keys of the error object (e.g. "current" on a stale edit, "candidates" on a likely duplicate)
// are kept as `details` for the feature that knows their shape.
export const errorEnvelopeSchema = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    request_id: z.string().optional(),
  }),
});

const codeByStatus: Record<number, ServerErrorCode> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'unavailable',
};

function isServerErrorCode(code: string): code is ServerErrorCode {
  return (serverErrorCodes as readonly string[]).includes(code);
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly requestId: string | null;
  /** Seconds from a Retry-After header (rate limiting), when the server sent one. */
  readonly retryAfterSeconds: number | null;
  /** Keys of the server's error object beyond code, message, fields and request_id. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
    requestId?: string | null;
    retryAfterSeconds?: number | null;
    details?: Record<string, unknown>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.details = init.details ?? {};
  }

  /** An extra key of the error object checked against `schema`; undefined when absent or of another shape. */
  detail<S extends z.ZodType>(key: string, schema: S): z.output<S> | undefined {
    const parsed = schema.safeParse(this.details[key]);
    return parsed.success ? parsed.data : undefined;
  }

  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }

  /** Builds an ApiError from a non-2xx response body (already read as text). */
  static fromResponse(status: number, bodyText: string, headers: Headers): ApiError {
    const retryAfter = parseRetryAfter(headers.get('Retry-After'));
    const headerRequestId = headers.get('X-Request-Id');
    let json: unknown = null;
    try {
      json = bodyText ? JSON.parse(bodyText) : null;
    } catch {
      json = null;
    }
    const parsed = errorEnvelopeSchema.safeParse(json);
    if (parsed.success) {
      const { code, message, fields, request_id, ...details } = parsed.data.error;
      const e = { code, message, fields, request_id };
      return new ApiError({
        status,
        code: isServerErrorCode(e.code) ? e.code : (codeByStatus[status] ?? 'internal'),
        message: e.message,
        fields: e.fields ?? [],
        requestId: e.request_id ?? headerRequestId,
        retryAfterSeconds: retryAfter,
        details,
      });
    }
    return new ApiError({
      status,
      code: codeByStatus[status] ?? 'internal',
      message: `HTTP ${status}`,
      requestId: headerRequestId,
      retryAfterSeconds: retryAfter,
    });
  }
}

function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
