import type { FetchOutcome } from '../account/api-client';
import { waitsForAccess } from './failures';
import type { PollerDeps } from './deps';
import { isFailure, type PollStatus } from './status';
import { isWaitingForUser } from './transitions';

const ACCESS_OFF: FetchOutcome = { ok: false, kind: 'access-off' };

/** Asking FluxImage, and deciding whether to ask at all, as access to it allows. */
export function createRequests(deps: Pick<PollerDeps, 'api' | 'hasAccess'>) {
  return {
    /** Asks FluxImage only with access to it; a request refused for want of access says so. */
    async request(key: string): Promise<FetchOutcome> {
      try {
        if (!(await deps.hasAccess())) return ACCESS_OFF;
        const outcome = await deps.api.fetchUsage(key);
        // Without the host permission a fetch fails exactly like a network error.
        if (!outcome.ok && outcome.kind === 'network' && !(await deps.hasAccess())) return ACCESS_OFF;
        return outcome;
      } catch {
        return { ok: false, kind: 'internal' };
      }
    },

    /**
     * An answer as it may be recorded now: access withdrawn while it was on its way (the pages
     * already say so) is not undone by it. Should the browser not say, the answer stands.
     */
    async unlessAccessWithdrawn(outcome: FetchOutcome): Promise<FetchOutcome> {
      const granted = await deps.hasAccess().catch(() => true);
      return granted ? outcome : ACCESS_OFF;
    },

    /** Nothing to ask FluxImage: no key, a rejected key, or no access (until it is granted again). */
    async waitsForUser(key: string | null, status: PollStatus | null): Promise<boolean> {
      if (!isWaitingForUser(key, status)) return false;
      return !(isFailure(status) && waitsForAccess(status.kind) && (await deps.hasAccess()));
    },
  };
}

export type Requests = ReturnType<typeof createRequests>;
