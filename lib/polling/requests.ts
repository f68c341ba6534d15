import type { FetchOutcome } from '../account/api-client';
import { waitsForAccess } from './failures';
import type { PollerDeps } from './deps';
import { isFailure, type PollStatus } from './status';
import { isWaitingForUser } from './transitions';

const ACCESS_OFF: FetchOutcome = { ok: false, kind: 'access-off' };

type Access = Pick<PollerDeps, 'api' | 'hasAccess'>;

/** Asks FluxImage only with access to it; a request refused for want of access says so. */
export async function request(deps: Access, key: string): Promise<FetchOutcome> {
  try {
    if (!(await deps.hasAccess())) return ACCESS_OFF;
    const outcome = await deps.api.fetchUsage(key);
    // Without the host permission a fetch fails exactly like a network error.
    if (!outcome.ok && outcome.kind === 'network' && !(await deps.hasAccess())) return ACCESS_OFF;
    return outcome;
  } catch {
    return { ok: false, kind: 'internal' };
  }
}

/**
 * An answer as it may be recorded now: access withdrawn while it was on its way (the pages
 * already say so) is not undone by it. Should the browser not say, the answer stands.
 */
export async function unlessAccessWithdrawn(deps: Access, outcome: FetchOutcome): Promise<FetchOutcome> {
  const granted = await deps.hasAccess().catch(() => true);
  return granted ? outcome : ACCESS_OFF;
}

/** Nothing to ask FluxImage: no key, a rejected key, or no access (until it is granted again). */
export async function waitsForUser(deps: Access, key: string | null, status: PollStatus | null): Promise<boolean> {
  if (!isWaitingForUser(key, status)) return false;
  return !(isFailure(status) && waitsForAccess(status.kind) && (await deps.hasAccess()));
}
