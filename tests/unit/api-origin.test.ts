import { describe, expect, it } from 'vitest';
import { hostPermissionFor, resolveApiOrigin } from '@/lib/api-origin';

describe('API origin of a build', () => {
  it.each([
    [undefined, 'https://fluximage.app'],
    ['', 'https://fluximage.app'],
    ['https://staging.fluximage.app/', 'https://staging.fluximage.app'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/api', 'http://localhost:4010'],
  ])('%j → %s', (configured, origin) => {
    expect(resolveApiOrigin(configured)).toBe(origin);
  });

  it.each(['http://fluximage.app', 'http://192.168.1.5:8080', 'ftp://fluximage.app', 'fluximage.app'])(
    'refuses %s: the key would travel unencrypted or nowhere sensible',
    (configured) => {
      expect(() => resolveApiOrigin(configured)).toThrow(/WXT_FLUXIMAGE_API_URL/);
    },
  );

  it.each([
    ['https://fluximage.app', 'https://fluximage.app/*'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1/*'],
  ])('host permission for %s is %s', (origin, pattern) => {
    expect(hostPermissionFor(origin)).toBe(pattern);
  });
});
