// The fake FluxImage API: the documented /api/usage shapes, its 401, and every
// fault the extension must survive, switchable per test. Used by the e2e suite,
// `npm run demo` and `npm run bench`. Plain ESM so Node runs it without a build.
import { createServer } from 'node:http';

/** The sample answer from FluxImage's published page. */
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
  },
});

/**
 * Faults, by name. Each answers one request; `hang` never answers (a timeout),
 * `drop` closes the connection (a network failure).
 * @type {Record<string, (res: import('node:http').ServerResponse, options: Record<string, unknown>) => void>}
 */
const FAULTS = {
  unauthorized: (res) => json(res, 401, { error: 'Unauthorized' }),
  forbidden: (res) => json(res, 403, { error: 'Forbidden' }),
  'rate-limited': (res, { retryAfter }) =>
    json(res, 429, { error: 'Too Many Requests' }, retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }),
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
    res.writeHead(302, { Location: 'https://example.invalid/steal' });
    res.end();
  },
  hang: () => {},
  drop: (res) => res.socket?.destroy(),
};

export const FAULT_NAMES = Object.freeze(Object.keys(FAULTS));

/** @param {import('node:http').ServerResponse} res */
function json(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(text);
}

/**
 * Starts the fake API on 127.0.0.1.
 * @param {{ port?: number }} [options]
 */
export async function startFakeApi({ port = 0 } = {}) {
  /** @type {{ method: string, path: string, authorization: string | undefined, cookie: string | undefined, at: number }[]} */
  const requests = [];
  let usage = { ...SAMPLE_USAGE };
  /** @type {{ name: string, options: Record<string, unknown> } | null} */
  let fault = null;
  let delayMs = 0;
  const rejectedKeys = new Set();
  const pending = new Set();

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push({
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
      at: Date.now(),
    });
    pending.add(res);
    res.on('close', () => pending.delete(res));
    const answer = () => {
      if (path !== '/api/usage' || req.method !== 'GET') return json(res, 404, { error: 'Not Found' });
      const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!key || rejectedKeys.has(key)) return json(res, 401, { error: 'Unauthorized' });
      if (fault) return FAULTS[fault.name](res, fault.options);
      json(res, 200, usage);
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;

  return {
    origin,
    requests,
    /** Requests for the usage endpoint, oldest first. */
    usageRequests: () => requests.filter((r) => r.path === '/api/usage'),
    /** @param {Partial<typeof SAMPLE_USAGE> & Record<string, unknown>} changes */
    setUsage(changes) {
      usage = { ...usage, ...changes };
    },
    /** @param {string | null} name @param {Record<string, unknown>} [options] */
    setFault(name, options = {}) {
      if (name !== null && !(name in FAULTS)) throw new Error(`unknown fault ${name}`);
      fault = name === null ? null : { name, options };
    },
    /** @param {number} ms */
    setDelay(ms) {
      delayMs = ms;
    },
    /** @param {string} key */
    rejectKey(key) {
      rejectedKeys.add(key);
    },
    reset() {
      requests.length = 0;
      usage = { ...SAMPLE_USAGE };
      fault = null;
      delayMs = 0;
      rejectedKeys.clear();
    },
    async close() {
      for (const res of pending) res.socket?.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof startFakeApi>>} FakeApi */
