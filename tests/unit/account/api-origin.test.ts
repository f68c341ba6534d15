import { describe, expect, it } from 'vitest';
import { hostPermissionFor, resolveApiOrigin, type BuildTarget } from '@/lib/account/api-origin';

const production: BuildTarget = { mode: 'production', command: 'build' };
const e2e: BuildTarget = { mode: 'e2e', command: 'build' };
const dev: BuildTarget = { mode: 'development', command: 'serve' };
const zip: BuildTarget = { mode: 'production', command: 'zip' };

describe('API origin of a build', () => {
  it.each([
    [undefined, production, 'https://fluximage.app'],
    ['', production, 'https://fluximage.app'],
    [undefined, zip, 'https://fluximage.app'],
    ['https://fluximage.app/', production, 'https://fluximage.app'],
    ['http://127.0.0.1:4010', production, 'http://127.0.0.1:4010'],
    ['http://localhost:4010/api', production, 'http://localhost:4010'],
    ['https://staging.fluximage.app/', e2e, 'https://staging.fluximage.app'],
    ['https://anything.example', dev, 'https://anything.example'],
    ['http://127.0.0.1:4010', e2e, 'http://127.0.0.1:4010'],
  ])('%j in %j → %s', (configured, target, origin) => {
    expect(resolveApiOrigin(configured, target)).toBe(origin);
  });

  it.each(['http://fluximage.app', 'http://192.168.1.5:8080', 'ftp://fluximage.app', 'fluximage.app'])(
    'refuses %s in any mode: the key would travel unencrypted or nowhere sensible',
    (configured) => {
      for (const target of [production, e2e, dev]) {
        expect(() => resolveApiOrigin(configured, target)).toThrow(/WXT_FLUXIMAGE_API_URL/);
      }
    },
  );

  it.each(['https://anything.example', 'https://staging.fluximage.app', 'https://fluximage.app:8443'])(
    'refuses %s in a production build: only fluximage.app, or loopback for tests',
    (configured) => {
      expect(() => resolveApiOrigin(configured, production)).toThrow(
        /production build talks only to https:\/\/fluximage\.app/,
      );
    },
  );

  it.each(['https://fluximage.app', 'http://127.0.0.1:4010', 'https://anything.example'])(
    'refuses any override, even %s, in the store packages',
    (configured) => {
      expect(() => resolveApiOrigin(configured, zip)).toThrow(/store packages \(npm run zip\).*unset it/);
    },
  );

  it.each([
    ['https://fluximage.app', 'https://fluximage.app/*'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1/*'],
  ])('host permission for %s is %s', (origin, pattern) => {
    expect(hostPermissionFor(origin)).toBe(pattern);
  });
});
