/**
 * The one origin the extension may send the key to. Shared by the build config
 * (host permission, CSP) and by tests, so the rule lives in one place.
 */
export const PRODUCTION_API_ORIGIN = 'https://fluximage.app';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What is being built: WXT's mode (`production` for `wxt build` and `wxt zip`) and command. */
export interface BuildTarget {
  mode: string;
  /** `zip` makes the store packages; `build` and `serve` as WXT names them. */
  command: 'build' | 'serve' | 'zip';
}

const VARIABLE = 'WXT_FLUXIMAGE_API_URL';

/**
 * Turns the build-time `WXT_FLUXIMAGE_API_URL` into an origin, or fails the build
 * with a one-line reason:
 * - store packages (`npm run zip`) take no override at all: they talk to fluximage.app;
 * - a production build talks to fluximage.app, or to a loopback `http` origin (the
 *   fake API in tests), never to another site;
 * - other modes (`--mode e2e`, `wxt dev`) take any https origin, or http on loopback.
 * HTTPS is required because the key travels in a header.
 */
export function resolveApiOrigin(configured: string | undefined, target: BuildTarget): string {
  if (!configured) return PRODUCTION_API_ORIGIN;
  if (target.command === 'zip') {
    throw new Error(
      `${VARIABLE} is set, but store packages (npm run zip) only talk to ${PRODUCTION_API_ORIGIN}: unset it`,
    );
  }
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`${VARIABLE} is not a URL: ${configured}`);
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopback) {
    throw new Error(`${VARIABLE} must be https (or http on 127.0.0.1/localhost for tests)`);
  }
  if (target.mode === 'production' && !loopback && url.origin !== PRODUCTION_API_ORIGIN) {
    throw new Error(
      `${VARIABLE}=${url.origin} is refused: a production build talks only to ${PRODUCTION_API_ORIGIN} (or http on 127.0.0.1/localhost for tests); use --mode for another server`,
    );
  }
  return url.origin;
}

/** Match pattern for the host permission; ports are not part of match patterns. */
export function hostPermissionFor(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
