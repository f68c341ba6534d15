// The browsers the demo, the screenshots, the benchmark, `npm run dev` and the
// end-to-end tests drive, found in one place: installed with apt on Debian/Ubuntu
// when that is allowed, and otherwise explained in one paragraph, never a stack trace.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix, win32 } from 'node:path';

export type BrowserKind = 'chromium' | 'firefox';
type Distro = 'debian' | 'ubuntu';

/** Everything the lookup asks of the machine, so tests can hand it a fake one. */
export interface BrowserDeps {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
  /** Where Playwright keeps its own Chromium build (whether or not it was downloaded). */
  playwrightChromium: () => string | undefined;
  /** The contents of /etc/os-release, if any. */
  osRelease: () => string | undefined;
  /** Root, passwordless sudo, or neither. */
  privilege: () => 'root' | 'sudo' | 'none';
  /** Runs a command to completion; throws with its output when it fails. */
  run: (argv: string[]) => void;
  log: (line: string) => void;
}

/** A browser problem the user can fix: its message is the whole story, so it carries no stack trace. */
export class BrowserSetupError extends Error {
  override name = 'Browser setup';
  constructor(message: string) {
    super(message);
    this.stack = message;
  }
}

const VARIABLE: Record<BrowserKind, string> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };

/** Set to 1 to never install browsers, only report what is missing. */
export const NO_INSTALL = 'FLUXIMAGE_NO_INSTALL';

const APT_PACKAGE: Record<Distro, Record<BrowserKind, string>> = {
  debian: { chromium: 'chromium', firefox: 'firefox-esr' },
  ubuntu: { chromium: 'chromium-browser', firefox: 'firefox' },
};

function windowsDirs(env: BrowserDeps['env']): string[] {
  return [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((dir): dir is string => !!dir);
}

/**
 * Browsers that still load an unpacked extension with --load-extension, best first:
 * Chromium, then Brave, then Edge. (Google-branded Chrome 137+ ignores the flag.)
 */
function systemChromiumFamily(platform: NodeJS.Platform, env: BrowserDeps['env']): string[] {
  if (platform === 'darwin') {
    return ['Chromium.app/Contents/MacOS/Chromium', 'Brave Browser.app/Contents/MacOS/Brave Browser']
      .map((app) => posix.join('/Applications', app))
      .concat('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
  }
  if (platform === 'win32') {
    return [
      'Chromium\\Application\\chrome.exe',
      'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ].flatMap((exe) => windowsDirs(env).map((dir) => win32.join(dir, exe)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/brave-browser',
    '/opt/brave.com/brave/brave',
    '/snap/bin/brave',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
  ];
}

function brandedChrome(platform: NodeJS.Platform, env: BrowserDeps['env']): string[] {
  if (platform === 'darwin') return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  if (platform === 'win32')
    return windowsDirs(env).map((dir) => win32.join(dir, 'Google\\Chrome\\Application\\chrome.exe'));
  return ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];
}

function systemFirefox(platform: NodeJS.Platform, env: BrowserDeps['env']): string[] {
  if (platform === 'darwin') return ['/Applications/Firefox.app/Contents/MacOS/firefox'];
  if (platform === 'win32') return windowsDirs(env).map((dir) => win32.join(dir, 'Mozilla Firefox\\firefox.exe'));
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
}

/**
 * Where to look, in order. An explicit CHROMIUM_PATH/FIREFOX_PATH is the only
 * candidate: a wrong one is an error, never silently replaced by another browser.
 */
export function candidates(kind: BrowserKind, deps: Pick<BrowserDeps, 'env' | 'platform' | 'playwrightChromium'>) {
  const explicit = deps.env[VARIABLE[kind]];
  if (explicit) return { explicit, paths: [explicit] };
  if (kind === 'firefox') return { paths: systemFirefox(deps.platform, deps.env) };
  const playwright = deps.playwrightChromium();
  return { paths: [...(playwright ? [playwright] : []), ...systemChromiumFamily(deps.platform, deps.env)] };
}

/** The browser to use, or undefined; throws when an explicitly set variable points nowhere. */
export function locate(kind: BrowserKind, deps: BrowserDeps): string | undefined {
  const { explicit, paths } = candidates(kind, deps);
  const found = paths.find((path) => deps.exists(path));
  if (explicit && !found) {
    throw new BrowserSetupError(
      `${VARIABLE[kind]} is set to "${explicit}", but there is no file there. ` +
        `Point ${VARIABLE[kind]} at a ${kind === 'chromium' ? 'Chromium, Brave or Edge' : 'Firefox'} executable, ` +
        'or unset it to use the browser found on this machine.',
    );
  }
  return found;
}

function distroOf(deps: BrowserDeps): Distro | undefined {
  if (deps.platform !== 'linux' || !deps.exists('/usr/bin/apt-get')) return undefined;
  const release = deps.osRelease() ?? '';
  const field = (name: string) => (release.match(new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm'))?.[1] ?? '').split(' ');
  const ids = [...field('ID'), ...field('ID_LIKE')];
  if (ids.includes('ubuntu')) return 'ubuntu';
  if (ids.includes('debian')) return 'debian';
  return undefined;
}

const listed = (words: string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/** One short paragraph: what is missing and the exact command that fixes it here. */
function missingMessage(missing: BrowserKind[], deps: BrowserDeps, distro: Distro | undefined): string {
  const what: string[] = [];
  if (missing.includes('chromium')) {
    what.push('No Chromium-family browser that can load an unpacked extension was found (Chromium, Brave or Edge).');
    const chrome = brandedChrome(deps.platform, deps.env).find((path) => deps.exists(path));
    if (chrome) {
      what.push(`Google Chrome is installed at ${chrome}, but Chrome 137 and later ignore --load-extension.`);
    }
  }
  if (missing.includes('firefox')) what.push('Firefox was not found.');

  let fix: string;
  if (distro) {
    const sudo = deps.privilege() === 'root' ? '' : 'sudo ';
    fix = `Install ${missing.length > 1 ? 'them' : 'it'} with: ${sudo}apt-get install ${missing.map((kind) => APT_PACKAGE[distro][kind]).join(' ')}`;
    if (deps.env[NO_INSTALL]) fix += ` (${NO_INSTALL} is set, so it was not done automatically)`;
  } else {
    const commands: string[] = [];
    if (missing.includes('chromium')) commands.push('npx playwright install chromium');
    if (missing.includes('firefox')) {
      commands.push(
        deps.platform === 'darwin'
          ? 'brew install --cask firefox'
          : deps.platform === 'win32'
            ? 'winget install Mozilla.Firefox'
            : "your distribution's firefox package",
      );
    }
    fix = `Install with: ${commands.join(', and ')}`;
  }
  const variables = listed(missing.map((kind) => VARIABLE[kind]));
  const executables = missing.length > 1 ? "the browsers' executables" : "the browser's executable";
  return `${what.join(' ')} ${fix}. Or set ${variables} to ${executables}.`;
}

/** apt's own words when it fails: the last lines of what it printed. */
function tail(error: unknown): string {
  const output = String((error as { output?: unknown }).output ?? (error as Error).message ?? error);
  return output.trim().split('\n').slice(-5).join('\n');
}

/**
 * Finds every browser in `kinds`. Missing ones are installed with apt on Debian/Ubuntu
 * when running as root (or with passwordless sudo) unless FLUXIMAGE_NO_INSTALL is set;
 * otherwise throws a BrowserSetupError that says what to do.
 */
export function ensureBrowsers(kinds: BrowserKind[], deps: BrowserDeps): Record<BrowserKind, string | undefined> {
  const found = Object.fromEntries(kinds.map((kind) => [kind, locate(kind, deps)])) as Record<
    BrowserKind,
    string | undefined
  >;
  const missing = kinds.filter((kind) => !found[kind]);
  if (missing.length === 0) return found;

  const distro = distroOf(deps);
  const privilege = distro && !deps.env[NO_INSTALL] ? deps.privilege() : 'none';
  if (!distro || privilege === 'none') throw new BrowserSetupError(missingMessage(missing, deps, distro));

  const packages = missing.map((kind) => APT_PACKAGE[distro][kind]);
  const asRoot = privilege === 'root' ? [] : ['sudo', '-n'];
  deps.log(
    `Installing ${listed(packages)} with apt-get: the demo and the end-to-end tests need ` +
      `${missing.length > 1 ? 'these browsers' : 'this browser'} and none was found.`,
  );
  try {
    deps.run([...asRoot, 'apt-get', 'update']);
    deps.run([
      ...asRoot,
      'env',
      'DEBIAN_FRONTEND=noninteractive',
      'apt-get',
      'install',
      '-y',
      '--no-install-recommends',
      ...packages,
    ]);
  } catch (error) {
    throw new BrowserSetupError(
      `Installing ${listed(packages)} with apt-get failed:\n${tail(error)}\n` +
        `Install ${packages.length > 1 ? 'them' : 'it'} yourself, or set ${listed(missing.map((kind) => VARIABLE[kind]))}.`,
    );
  }
  for (const kind of missing) {
    found[kind] = locate(kind, deps);
    if (!found[kind]) {
      throw new BrowserSetupError(
        `apt-get installed ${APT_PACKAGE[distro][kind]}, but no ${kind === 'chromium' ? 'Chromium' : 'Firefox'} ` +
          `executable appeared where one is looked for. Set ${VARIABLE[kind]} to it.`,
      );
    }
  }
  return found;
}

/** Whether a browser window can be shown: always on macOS and Windows, with X11 or Wayland on Linux. */
export function hasDisplay(env: BrowserDeps['env'] = process.env, platform: NodeJS.Platform = process.platform) {
  return platform === 'darwin' || platform === 'win32' || !!env.DISPLAY || !!env.WAYLAND_DISPLAY;
}

/** This machine. */
export function systemDeps(): BrowserDeps {
  return {
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    playwrightChromium: () => {
      try {
        const require = createRequire(import.meta.url);
        return (require('playwright-core') as typeof import('playwright-core')).chromium.executablePath();
      } catch {
        return undefined;
      }
    },
    osRelease: () => {
      try {
        return readFileSync('/etc/os-release', 'utf8');
      } catch {
        return undefined;
      }
    },
    privilege: () => {
      if (process.getuid?.() === 0) return 'root';
      try {
        execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
        return 'sudo';
      } catch {
        return 'none';
      }
    },
    run: ([command, ...args]) => {
      const result = spawnSync(command!, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (result.error) throw result.error;
      if (result.status !== 0) {
        throw Object.assign(new Error(`${command} exited with ${result.status}`), {
          output: `${result.stdout}${result.stderr}`,
        });
      }
    },
    log: (line) => console.log(line),
  };
}

/**
 * For command-line entries (`npm run demo`…): the browsers, found or installed, each
 * exported as CHROMIUM_PATH/FIREFOX_PATH for whatever runs next; on a problem, its
 * paragraph on stderr and exit code 1.
 */
export function browsersOrExit(kinds: BrowserKind[], deps: BrowserDeps = systemDeps()): Record<BrowserKind, string> {
  try {
    const found = ensureBrowsers(kinds, deps);
    for (const kind of kinds) process.env[VARIABLE[kind]] = found[kind];
    return found as Record<BrowserKind, string>;
  } catch (error) {
    if (!(error instanceof BrowserSetupError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** The Chromium to launch: the one chosen earlier in this run (or its parent), or the first found. */
export function chromiumExecutable(deps: BrowserDeps = systemDeps()): string {
  const path = locate('chromium', deps);
  if (!path) throw new BrowserSetupError(missingMessage(['chromium'], deps, distroOf(deps)));
  return path;
}
