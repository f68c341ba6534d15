/** API keys the tests, the demo and the store images use: well-formed, never real. */
export const KEY = `flx_live_a3f9${'0123456789abcdef'.repeat(2)}b2c1`;
export const OTHER_KEY = `flx_live_${'f'.repeat(40)}`;
export const DEMO_KEY = `flx_live_${'7c1e'.repeat(10)}`;
