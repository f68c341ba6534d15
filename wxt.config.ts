import { relative } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { hostPermissionFor, resolveApiOrigin, type BuildTarget } from './lib/account/api-origin';
import { BrowserSetupError, ensureBrowsers, hasDisplay, systemDeps } from './scripts/browsers';
import { ICON_SIZES, renderIcons } from './scripts/icons';

// Where the key may go; the rules (and the build's refusal of anything else) are in lib/account/api-origin.ts.
// `wxt zip` reaches the config as a plain build: its CLI word tells it apart, so a refused zip
// fails before it builds (the zip:start hook below also covers WXT's programmatic zip()).
const zipping = process.argv.slice(2).includes('zip');
const apiOriginFor = ({ mode, command }: BuildTarget) =>
  resolveApiOrigin(process.env.WXT_FLUXIMAGE_API_URL, { mode, command: zipping ? 'zip' : command });
// Without a display the dev runner's browser cannot start (web-ext then dies with ECONNRESET).
const display = hasDisplay();

const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));

export default defineConfig({
  // Firefox too (WXT's default there is MV2): since Firefox 127 the install prompt lists MV3
  // host_permissions and grants them, and our minimum is 140. Its MV3 background is an event page.
  manifestVersion: 3,
  webExt: { disabled: !display },
  hooks: {
    // Store packages are built for fluximage.app only; this fails `wxt zip` before anything is zipped.
    'zip:start': (wxt) => void apiOriginFor({ mode: wxt.config.mode, command: 'zip' }),
    // `npm run dev` opens the browser the demo and the tests use (scripts/browsers.ts), unless
    // web-ext.config.ts names one; with no display, or no browser, it builds and watches only.
    'server:started': (wxt) => {
      const buildOnly = () =>
        wxt.logger.info(
          'Building and watching without opening a browser: the unpacked build is ' +
            `${relative(wxt.config.root, wxt.config.outDir)}, and \`npm run demo\` shows the extension headless.`,
        );
      if (!display) return buildOnly();
      const binaries = (wxt.config.webExt.config.binaries ??= {});
      if (binaries[wxt.config.browser]) return;
      const kind = wxt.config.browser === 'firefox' ? 'firefox' : 'chromium';
      try {
        binaries[wxt.config.browser] = ensureBrowsers([kind], systemDeps())[kind]!;
      } catch (error) {
        if (!(error instanceof BrowserSetupError)) throw error;
        wxt.logger.warn(error.message);
        buildOnly();
        wxt.config.runner = { openBrowser: async () => undefined };
      }
    },
    'entrypoints:resolved': (wxt, entrypoints) => {
      // WXT copies the popup's <title> (English) over the manifest's default_title; the
      // toolbar tooltip keeps the localized __MSG_extensionName__ instead.
      for (const entrypoint of entrypoints) {
        if (entrypoint.type === 'popup') delete entrypoint.options.defaultTitle;
      }
      // blank.html is a page with no script, a place for tests to call extension APIs from.
      // Production builds do not ship it (`npm run bench` adds its pages to a copy of the build).
      if (wxt.config.mode !== 'production') return;
      const blank = entrypoints.findIndex((entrypoint) => entrypoint.name === 'blank');
      if (blank >= 0) entrypoints.splice(blank, 1);
    },
    // The icon is drawn once as SVG and rendered to PNG at every build.
    'build:publicAssets': async (wxt, files) => {
      const rendered = await renderIcons(`${wxt.config.wxtDir}/icons`);
      for (const size of ICON_SIZES) {
        files.push({ absoluteSrc: rendered[size]!, relativeDest: `icon/${size}.png` });
      }
    },
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: ({ mode, command }) => ({
    plugins: [preact()],
    build: {
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'shared',
                tags: ['$initial'],
                minShareCount: 2,
                // The history's modules (its stored reader, its calendar) are used by the options page
                // and the usage page, never by the popup's first frame: left out of the shared chunk,
                // which the popup loads, so the usage page's charts cost the popup nothing.
                test: (id: string) => !/lib[\\/]history[\\/]/.test(id),
              },
            ],
          },
        },
      },
    },
    define: { __FLUXIMAGE_API_ORIGIN__: JSON.stringify(apiOriginFor({ mode, command })) },
  }),
  manifest: ({ browser, command, mode }) => {
    const apiOrigin = apiOriginFor({ mode, command });
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "style-src 'self'",
      "img-src 'self'",
      `connect-src ${apiOrigin}`,
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
    return {
      name: '__MSG_extensionName__',
      description: '__MSG_extensionDescription__',
      default_locale: 'en',
      // `idle` (no install warning): Automatic checks when the person comes back, and slows down while they are away.
      permissions: ['storage', 'alarms', 'notifications', 'idle'],
      host_permissions: [hostPermissionFor(apiOrigin)],
      icons,
      action: {
        default_title: '__MSG_extensionName__',
        default_icon: icons,
      },
      commands: {
        _execute_action: {
          suggested_key: { default: 'Alt+Shift+F' },
        },
      },
      // In `wxt dev` WXT writes its own policy so the dev server can reach the pages.
      ...(command === 'build' && {
        content_security_policy: { extension_pages: csp },
      }),
      ...(browser === 'firefox' && {
        browser_specific_settings: {
          gecko: {
            id: 'companion@fluximage.app',
            strict_min_version: '140.0',
            // The extension collects nothing; it only sends the user's key to FluxImage.
            data_collection_permissions: { required: ['none'] },
          },
          // Firefox for Android understands data_collection_permissions from 142 on.
          gecko_android: { strict_min_version: '142.0' },
        },
      }),
    };
  },
});
