// @vitest-environment node
// Real builds, refused: each fails while WXT reads its config, before anything is built or written.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

function run(command: string, args: string[], apiUrl: string) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, WXT_FLUXIMAGE_API_URL: apiUrl },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the API address a build is given', () => {
  it('fails a production build aimed at any site but fluximage.app, saying why in one line', () => {
    const { status, output } = run('npx', ['wxt', 'build'], 'https://anything.example');
    expect(status).not.toBe(0);
    expect(output).toContain(
      'WXT_FLUXIMAGE_API_URL=https://anything.example is refused: a production build talks only to https://fluximage.app',
    );
  }, 60_000);

  it('fails npm run zip whenever it is set, even to a loopback address', () => {
    const { status, output } = run('npm', ['run', 'zip', '--silent'], 'http://127.0.0.1:9');
    expect(status).not.toBe(0);
    expect(output).toContain(
      'WXT_FLUXIMAGE_API_URL is set, but store packages (npm run zip) only talk to https://fluximage.app: unset it',
    );
  }, 60_000);
});
