/**
 * The one origin the extension may send the key to. Shared by the build config
 * (host permission, CSP) and by tests, so the rule lives in one place.
 */
export const PRODUCTION_API_ORIGIN = 'https://fluximage.app';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Turns the build-time `WXT_FLUXIMAGE_API_URL` into an origin. HTTPS is required
 * because the key travels in a header; plain HTTP is allowed only on loopback,
 * which is where the fake API runs in tests.
 */
export function resolveApiOrigin(configured: string | undefined): string {
  if (!configured) return PRODUCTION_API_ORIGIN;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`WXT_FLUXIMAGE_API_URL is not a URL: ${configured}`);
  }
  const secure = url.protocol === 'https:';
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (!secure && !loopback) {
    throw new Error('WXT_FLUXIMAGE_API_URL must be https (or http on 127.0.0.1/localhost for tests)');
  }
  return url.origin;
}

/** Match pattern for the host permission; ports are not part of match patterns. */
export function hostPermissionFor(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
