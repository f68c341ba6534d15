// The fake FluxImage API: the documented /api/usage shapes, its 401, and every
// fault the extension must survive, switchable per test. Used by the unit and
// e2e suites, `npm run demo` and `npm run bench`.
import { createServer, type ServerResponse } from 'node:http';

/** The sample answer from FluxImage's published page, with real-looking checkout links. */
export const SAMPLE_USAGE = Object.freeze({
  plan: 'pro',
  compressor_used: 45,
  compressor_limit: 99999,
  ia_credits_used: 120,
  ia_credits_monthly: 1000,
  ia_topup_credits: 200,
  ia_credits_remaining: 1080,
  canCompress: true,
  canUseIA: true,
  topups: {
    small: 'https://fluximage.app/checkout/topup-small',
    medium: 'https://fluximage.app/checkout/topup-medium',
    large: 'https://fluximage.app/checkout/topup-large',
  } as Record<string, unknown>,
});

type FaultOptions = Record<string, unknown>;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Faults by name. `hang` never answers (a timeout); `drop` cuts the connection (a network failure). */
const FAULTS = {
  unauthorized: (res) => json(res, 401, { error: 'Unauthorized' }),
  forbidden: (res) => json(res, 403, { error: 'Forbidden' }),
  'rate-limited': (res, { retryAfter }) =>
    json(
      res,
      429,
      { error: 'Too Many Requests' },
      retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
    ),
  'server-error': (res, { status = 500 }) => json(res, Number(status), { error: 'Internal Server Error' }),
  html: (res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Maintenance</title><p>Back soon.</p>');
  },
  'not-json': (res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"plan": "pro", ');
  },
  'wrong-shape': (res) => json(res, 200, { ...SAMPLE_USAGE, ia_credits_remaining: '1080' }),
  huge: (res) => json(res, 200, { ...SAMPLE_USAGE, padding: 'x'.repeat(2 * 1024 * 1024) }),
  redirect: (res) => {
    res.writeHead(302, { Location: 'https://example.invalid/collect' });
    res.end();
  },
  hang: () => {},
  drop: (res) => res.socket?.destroy(),
} satisfies Record<string, (res: ServerResponse, options: FaultOptions) => void>;

export type FaultName = keyof typeof FAULTS;

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  cookie: string | undefined;
  at: number;
}

export type FakeApi = Awaited<ReturnType<typeof startFakeApi>>;

/** Starts the fake API on 127.0.0.1 (a free port unless one is given). */
export async function startFakeApi({ port = 0 }: { port?: number } = {}) {
  const requests: RecordedRequest[] = [];
  let usage: Record<string, unknown> = { ...SAMPLE_USAGE };
  let fault: { name: FaultName; options: FaultOptions } | null = null;
  let delayMs = 0;
  const rejectedKeys = new Set<string>();
  // Another account's key answers with that account's numbers.
  const usageByKey = new Map<string, Record<string, unknown>>();
  const open = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push({
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
      at: Date.now(),
    });
    open.add(res);
    res.on('close', () => open.delete(res));
    const answer = () => {
      if (path !== '/api/usage' || req.method !== 'GET') return json(res, 404, { error: 'Not Found' });
      const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!key || rejectedKeys.has(key)) return json(res, 401, { error: 'Unauthorized' });
      if (fault) return FAULTS[fault.name](res, fault.options);
      json(res, 200, usageByKey.get(key) ?? usage);
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;

  return {
    origin,
    requests,
    /** Requests for the usage endpoint, oldest first. */
    usageRequests: () => requests.filter((r) => r.path === '/api/usage'),
    setUsage(changes: Record<string, unknown>) {
      usage = { ...usage, ...changes };
    },
    setFault(name: FaultName | null, options: FaultOptions = {}) {
      fault = name === null ? null : { name, options };
    },
    setDelay(ms: number) {
      delayMs = ms;
    },
    rejectKey(key: string) {
      rejectedKeys.add(key);
    },
    /** Answers `key` with the sample changed by `changes` (its own account), whatever `setUsage` says. */
    setUsageFor(key: string, changes: Record<string, unknown>) {
      usageByKey.set(key, { ...SAMPLE_USAGE, ...usageByKey.get(key), ...changes });
    },
    reset() {
      requests.length = 0;
      usage = { ...SAMPLE_USAGE };
      fault = null;
      delayMs = 0;
      rejectedKeys.clear();
      usageByKey.clear();
    },
    async close() {
      for (const res of open) res.socket?.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
