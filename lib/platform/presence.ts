import { browser } from 'wxt/browser';
import type { Presence } from '../polling/check-policy';

/*
 * Whether someone is at the screen, for Automatic checking (`browser.idle`, window focus).
 * Firefox for Android has neither `idle` nor `windows`: there the poller is told nothing and
 * plans as if someone may be looking, and no return is ever reported.
 */

/**
 * Five minutes without input count as away, not the browser's one-minute default: someone
 * reading a long page is still there (docs/freshness.md measured the rules this way).
 */
export const AWAY_AFTER_SECONDS = 300;

/**
 * The person's state as the browser tells it (its three states are the policy's `Presence`);
 * `undefined` where the browser cannot tell.
 */
export function presenceReader(): (() => Promise<Presence>) | undefined {
  const { idle } = browser;
  return idle && (() => idle.queryState(AWAY_AFTER_SECONDS));
}

/** Whether the browser tells when the person is away and back (what the options page says of Automatic). */
export const canTellPresence = (): boolean => browser.idle !== undefined;

/**
 * Calls `listener` when the person comes back: the screen turns active after being idle or
 * locked, or a browser window gains focus. Register it at the worker's top level, so the
 * browser wakes the worker for these events.
 */
export function onPersonReturned(listener: () => void): void {
  const { idle, windows } = browser;
  if (idle) {
    idle.setDetectionInterval(AWAY_AFTER_SECONDS);
    idle.onStateChanged.addListener((state) => {
      if (state === 'active') listener();
    });
  }
  // WINDOW_ID_NONE: every browser window lost focus (the person went to another program).
  windows?.onFocusChanged.addListener((windowId) => {
    if (windowId !== windows.WINDOW_ID_NONE) listener();
  });
}
