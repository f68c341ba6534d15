import type { PollerDeps } from './deps';
import type { Serial } from './serial';

/** What the poller's parts share: its dependencies, the one-at-a-time lane, and the poll in flight. */
export interface PollerContext {
  deps: PollerDeps;
  serial: Serial;
  /** Asks FluxImage now, or joins the poll in flight. */
  poll: () => Promise<void>;
  isPolling: () => boolean;
}
