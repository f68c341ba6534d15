import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  define: { __FLUXIMAGE_API_ORIGIN__: JSON.stringify('https://fluximage.app') },
  test: {
    // tests/build spawns real builds of the store packages; tests/unit needs no build.
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/build/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'happy-dom',
  },
});
