// @vitest-environment node
// Which browser the demo, the benchmark and the end-to-end tests drive, on machines
// described by fake file systems, and what a user reads when there is none.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BrowserSetupError, ensureBrowsers, hasDisplay, locate, type BrowserDeps } from '../../../scripts/browsers';

const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium-1200/chrome-linux64/chrome';
const APT_INSTALLS: Record<string, string> = {
  chromium: '/usr/bin/chromium',
  'firefox-esr': '/usr/bin/firefox-esr',
  'chromium-browser': '/usr/bin/chromium-browser',
  firefox: '/usr/bin/firefox',
};

/** A machine with `files` on disk; by default Debian, as root. apt "installs" by adding files. */
function machine(files: string[], overrides: Partial<BrowserDeps> = {}) {
  const disk = new Set(['/usr/bin/apt-get', ...files]);
  const ran: string[][] = [];
  const logged: string[] = [];
  const deps: BrowserDeps = {
    env: {},
    platform: 'linux',
    exists: (path) => disk.has(path),
    playwrightChromium: () => PLAYWRIGHT,
    osRelease: () => 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n',
    privilege: () => 'root',
    run: (argv) => {
      ran.push(argv);
      if (argv.includes('install')) for (const name of argv) if (APT_INSTALLS[name]) disk.add(APT_INSTALLS[name]);
    },
    log: (line) => logged.push(line),
    ...overrides,
  };
  return { deps, ran, logged };
}

const failure = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BrowserSetupError);
    return (error as Error).message;
  }
  throw new Error('expected a BrowserSetupError');
};

describe('the Chromium that runs the extension', () => {
  it.each([
    ['CHROMIUM_PATH first', ['/opt/mine/chrome', PLAYWRIGHT, '/usr/bin/chromium'], '/opt/mine/chrome'],
    ["then Playwright's own Chromium", [PLAYWRIGHT, '/usr/bin/chromium'], PLAYWRIGHT],
    [
      "then Debian's Chromium",
      ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/brave-browser'],
      '/usr/bin/chromium',
    ],
    ['then chromium-browser', ['/usr/bin/chromium-browser', '/snap/bin/chromium'], '/usr/bin/chromium-browser'],
    ['then the snap', ['/snap/bin/chromium', '/usr/bin/brave-browser'], '/snap/bin/chromium'],
    ['then Brave', ['/usr/bin/brave-browser', '/usr/bin/microsoft-edge'], '/usr/bin/brave-browser'],
    ['then Edge', ['/usr/bin/microsoft-edge'], '/usr/bin/microsoft-edge'],
    [
      'never branded Chrome, which ignores --load-extension',
      ['/usr/bin/google-chrome', '/opt/microsoft/msedge/msedge'],
      '/opt/microsoft/msedge/msedge',
    ],
  ])('%s', (_, files, expected) => {
    const { deps } = machine(files);
    if (files.includes('/opt/mine/chrome')) deps.env.CHROMIUM_PATH = '/opt/mine/chrome';
    expect(locate('chromium', deps)).toBe(expected);
  });

  it('finds Chromium, then Brave, in their macOS and Windows homes', () => {
    const mac = machine(['/Applications/Brave Browser.app/Contents/MacOS/Brave Browser'], { platform: 'darwin' });
    expect(locate('chromium', mac.deps)).toBe('/Applications/Brave Browser.app/Contents/MacOS/Brave Browser');
    const windows = machine(['C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe'], {
      platform: 'win32',
      env: { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files' },
    });
    expect(locate('chromium', windows.deps)).toBe('C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe');
  });

  it('finds none when only Google Chrome is installed, and says why it is not used', () => {
    const { deps } = machine(['/usr/bin/google-chrome', '/usr/bin/firefox-esr'], { privilege: () => 'none' });
    expect(locate('chromium', deps)).toBeUndefined();
    const message = failure(() => ensureBrowsers(['chromium'], deps));
    expect(message).toContain('Google Chrome is installed at /usr/bin/google-chrome');
    expect(message).toContain('Chrome 137 and later ignore --load-extension');
    expect(message).toContain('sudo apt-get install chromium');
  });
});

describe('the Firefox the Firefox tests use', () => {
  it.each([
    [
      'FIREFOX_PATH first',
      { FIREFOX_PATH: '/opt/ff/firefox' },
      ['/opt/ff/firefox', '/usr/bin/firefox-esr'],
      '/opt/ff/firefox',
    ],
    ['then Firefox ESR', {}, ['/usr/bin/firefox-esr', '/usr/bin/firefox'], '/usr/bin/firefox-esr'],
    ['then Firefox', {}, ['/usr/bin/firefox'], '/usr/bin/firefox'],
  ])('%s', (_, env, files, expected) => {
    const { deps } = machine(files, { env });
    expect(locate('firefox', deps)).toBe(expected);
  });

  it('finds it in the macOS Applications folder', () => {
    const { deps } = machine(['/Applications/Firefox.app/Contents/MacOS/firefox'], { platform: 'darwin' });
    expect(locate('firefox', deps)).toBe('/Applications/Firefox.app/Contents/MacOS/firefox');
  });
});

describe('an explicit CHROMIUM_PATH or FIREFOX_PATH that points nowhere', () => {
  it.each([
    ['chromium', 'CHROMIUM_PATH'],
    ['firefox', 'FIREFOX_PATH'],
  ] as const)('%s: is an error naming %s, and nothing else is installed or used', (kind, variable) => {
    const { deps, ran } = machine(['/usr/bin/chromium', '/usr/bin/firefox-esr'], {
      env: { [variable]: '/nonexistent' },
    });
    const message = failure(() => ensureBrowsers(['chromium', 'firefox'], deps));
    expect(message).toContain(`${variable} is set to "/nonexistent", but there is no file there.`);
    expect(ran).toEqual([]);
  });
});

describe('a machine without the browsers', () => {
  it('on Debian as root: apt-get update once, then installs only what is missing, saying so in one line', () => {
    const { deps, ran, logged } = machine(['/usr/bin/firefox-esr']);
    expect(ensureBrowsers(['chromium', 'firefox'], deps)).toEqual({
      chromium: '/usr/bin/chromium',
      firefox: '/usr/bin/firefox-esr',
    });
    expect(ran).toEqual([
      ['apt-get', 'update'],
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
    ]);
    expect(logged).toEqual([
      'Installing chromium with apt-get: the demo and the end-to-end tests need this browser and none was found.',
    ]);
  });

  it('with passwordless sudo: the same, through sudo -n; on Ubuntu, with its package names', () => {
    const { deps, ran } = machine([], {
      privilege: () => 'sudo',
      osRelease: () => 'ID=linuxmint\nID_LIKE="ubuntu debian"\n',
    });
    expect(ensureBrowsers(['chromium', 'firefox'], deps)).toEqual({
      chromium: '/usr/bin/chromium-browser',
      firefox: '/usr/bin/firefox',
    });
    expect(ran.at(-1)).toEqual([
      'sudo',
      '-n',
      'env',
      'DEBIAN_FRONTEND=noninteractive',
      'apt-get',
      'install',
      '-y',
      '--no-install-recommends',
      'chromium-browser',
      'firefox',
    ]);
  });

  it('installs nothing when told not to, and gives the command instead', () => {
    const { deps, ran } = machine([], { env: { FLUXIMAGE_NO_INSTALL: '1' } });
    const message = failure(() => ensureBrowsers(['chromium', 'firefox'], deps));
    expect(message).toContain('Install them with: apt-get install chromium firefox-esr');
    expect(message).toContain('FLUXIMAGE_NO_INSTALL is set');
    expect(ran).toEqual([]);
  });

  it.each([
    ['Debian without root', { privilege: () => 'none' as const }, 'sudo apt-get install chromium firefox-esr'],
    ['macOS', { platform: 'darwin' as const }, 'npx playwright install chromium, and brew install --cask firefox'],
    ['Windows', { platform: 'win32' as const }, 'npx playwright install chromium, and winget install Mozilla.Firefox'],
    ['Fedora', { osRelease: () => 'ID=fedora\n' }, 'npx playwright install chromium'],
  ])('on %s: names what is missing and the command for that machine', (_, overrides, command) => {
    const { deps, ran } = machine([], overrides);
    const message = failure(() => ensureBrowsers(['chromium', 'firefox'], deps));
    expect(message).toContain('No Chromium-family browser that can load an unpacked extension was found');
    expect(message).toContain('Firefox was not found.');
    expect(message).toContain(command);
    expect(message).toContain('Or set CHROMIUM_PATH and FIREFOX_PATH');
    expect(ran).toEqual([]);
  });

  it("reports apt-get's own words when the install fails", () => {
    const { deps } = machine([], {
      run: (argv) => {
        if (argv.includes('install')) {
          throw Object.assign(new Error('Command failed'), { output: 'E: Unable to locate package chromium' });
        }
      },
    });
    const message = failure(() => ensureBrowsers(['chromium'], deps));
    expect(message).toContain('Installing chromium with apt-get failed:\nE: Unable to locate package chromium');
  });
});

describe('whether a browser window can open', () => {
  it.each([
    ['linux', {}, false],
    ['linux', { DISPLAY: ':0' }, true],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, true],
    ['darwin', {}, true],
    ['win32', {}, true],
  ] as const)('%s with %o: %s', (platform, env, expected) => {
    expect(hasDisplay(env, platform)).toBe(expected);
  });
});

describe('the real commands, given a CHROMIUM_PATH that does not exist', () => {
  const ROOT = join(__dirname, '../../..');
  it.each([
    ['npm run demo', ['tsx', 'scripts/demo.ts']],
    ['npx playwright test', ['playwright', 'test']],
  ])(
    '%s: one message naming the variable, no stack trace, non-zero exit',
    async (_, argv) => {
      const result = await promisify(execFile)('npx', argv, {
        cwd: ROOT,
        env: { ...process.env, CHROMIUM_PATH: '/nonexistent' },
      }).then(
        () => ({ code: 0, output: '' }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          output: `${error.stdout}${error.stderr}`,
        }),
      );
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('CHROMIUM_PATH is set to "/nonexistent", but there is no file there.');
      expect(result.output).not.toMatch(/^\s+at .+:\d+/m);
      // Stopped before building anything.
      expect(result.output).not.toMatch(/Building|Fake FluxImage API/);
    },
    60_000,
  );
});
