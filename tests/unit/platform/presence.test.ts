import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AWAY_AFTER_SECONDS, onPersonReturned, presenceReader } from '@/lib/platform/presence';

type IdleState = 'active' | 'idle' | 'locked';

/** fakeBrowser does not model `idle`: this stands in for the screen's state and its changes. */
function fakeIdle(state: IdleState = 'active') {
  const screen = { state, listeners: [] as ((state: IdleState) => void)[] };
  const queryState = vi.spyOn(fakeBrowser.idle, 'queryState').mockImplementation(async () => screen.state);
  const setDetectionInterval = vi.spyOn(fakeBrowser.idle, 'setDetectionInterval').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.idle.onStateChanged, 'addListener').mockImplementation((listener) => {
    screen.listeners.push(listener);
  });
  const turn = (next: IdleState) => {
    screen.state = next;
    for (const listener of screen.listeners) listener(next);
  };
  return { screen, queryState, setDetectionInterval, turn };
}

/** A browser with neither `idle` nor `windows`, as Firefox for Android is. */
function withoutIdleOrWindows(run: () => void) {
  const { idle, windows } = fakeBrowser;
  Reflect.deleteProperty(fakeBrowser, 'idle');
  Reflect.deleteProperty(fakeBrowser, 'windows');
  try {
    run();
  } finally {
    Object.assign(fakeBrowser, { idle, windows });
  }
}

afterEach(() => vi.restoreAllMocks());

describe('where the person is', () => {
  it.each(['active', 'idle', 'locked'] as const)('reads %s as the browser says it', async (state) => {
    const idle = fakeIdle(state);
    expect(await presenceReader()!()).toBe(state);
    // The same measure of away as the one the browser's changes follow (see below).
    expect(idle.queryState).toHaveBeenCalledWith(AWAY_AFTER_SECONDS);
  });

  it('is not asked where the browser cannot tell', () => {
    withoutIdleOrWindows(() => expect(presenceReader()).toBeUndefined());
  });
});

describe('the person coming back', () => {
  let returns: number;
  let idle: ReturnType<typeof fakeIdle>;
  beforeEach(() => {
    returns = 0;
    idle = fakeIdle();
    onPersonReturned(() => (returns += 1));
  });

  it('counts away only after five minutes without input, not the browser’s one minute', () => {
    // Someone reading a long page is still there.
    expect(idle.setDetectionInterval).toHaveBeenCalledWith(AWAY_AFTER_SECONDS);
    expect(AWAY_AFTER_SECONDS).toBe(5 * 60);
  });

  it('is the screen turning active after being locked or idle, and only that', () => {
    idle.turn('locked');
    idle.turn('idle');
    expect(returns).toBe(0);
    idle.turn('active');
    expect(returns).toBe(1);
  });

  it('is a browser window gaining focus, not every window losing it', async () => {
    await fakeBrowser.windows.create({ focused: true });
    expect(returns).toBe(1);
    await fakeBrowser.windows.onFocusChanged.trigger(fakeBrowser.windows.WINDOW_ID_NONE);
    expect(returns).toBe(1);
  });

  it('is never reported, and nothing fails, where the browser has neither API', () => {
    vi.restoreAllMocks();
    withoutIdleOrWindows(() => expect(() => onPersonReturned(() => (returns += 1))).not.toThrow());
  });
});
