// Evidence upload: multipart/form-data (part "file", optional "note"), with the CSRF header; the
// answer and errors are handled like every other API call.
import { ApiError } from '@/lib/api-error';
import { API_BASE } from '@/lib/api-client';
import { getCsrfToken } from '@/lib/csrf';
import { evidenceSchema, type Evidence } from '../types';

/** The server's limit is a setting (default 10 MiB); the form checks the default before sending. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_ACCEPT = 'application/pdf,image/jpeg,image/png,text/plain,.pdf,.jpg,.jpeg,.png,.txt';

export async function uploadEvidence(incidentId: number, file: File, note: string): Promise<Evidence> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (note) form.append('note', note);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getCsrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/incidents/${incidentId}/evidence`, {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'network_error', message: String(cause) });
  }
  const text = await response.text();
  if (!response.ok) throw ApiError.fromResponse(response.status, text, response.headers);
  return evidenceSchema.parse(JSON.parse(text));
}
