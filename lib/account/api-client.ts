import type { FailureKind } from '../polling/failures';
import { parseRetryAfter } from '../polling/schedule';
import { parseUsage, type Usage } from './usage';

export type FetchOutcome = { ok: true; usage: Usage } | { ok: false; kind: FailureKind; retryAfterMs?: number };

export interface UsageRequest {
  origin: string;
  key: string;
  fetch: typeof fetch;
  now: () => number;
  timeoutMs?: number;
}

export const REQUEST_TIMEOUT_MS = 15_000;
// A real answer is well under 1 kB; anything this large is not the usage endpoint.
export const MAX_BODY_BYTES = 64 * 1024;

export async function fetchUsage(request: UsageRequest): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? REQUEST_TIMEOUT_MS);
  try {
    const response = await request.fetch(`${request.origin}/api/usage`, {
      headers: { Authorization: `Bearer ${request.key}`, Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      // A redirect is never followed: that would replay the key to wherever it points.
      redirect: 'manual',
      signal: controller.signal,
    });
    return await readOutcome(response, request.now());
  } catch {
    return { ok: false, kind: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

async function readOutcome(response: Response, now: number): Promise<FetchOutcome> {
  const { status } = response;
  if (status === 401 || status === 403) return { ok: false, kind: 'unauthorized' };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
    return retryAfterMs === null
      ? { ok: false, kind: 'rate-limited' }
      : { ok: false, kind: 'rate-limited', retryAfterMs };
  }
  if (status >= 500) return { ok: false, kind: 'server' };
  // Redirects (opaque with redirect: 'manual') and any other status are not the API we know.
  if (status !== 200) return { ok: false, kind: 'bad-response' };
  if (!/^application\/(.+\+)?json\b/i.test(response.headers.get('Content-Type') ?? '')) {
    return { ok: false, kind: 'bad-response' };
  }
  const text = await readCapped(response, MAX_BODY_BYTES);
  if (text === null) return { ok: false, kind: 'bad-response' };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, kind: 'bad-response' };
  }
  const usage = parseUsage(body);
  return usage ? { ok: true, usage } : { ok: false, kind: 'bad-response' };
}

/** Reads the body as text, giving up (null) once it grows past `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('Content-Length'));
  if (declared > maxBytes) return null;
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** The usage endpoint at `origin`, as the poller calls it. */
export function createUsageApi(connection: Omit<UsageRequest, 'key'>) {
  return { fetchUsage: (key: string) => fetchUsage({ ...connection, key }) };
}
