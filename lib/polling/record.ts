import type { FetchOutcome } from '../account/api-client';
import type { Usage } from '../account/usage';
import { toView } from '../display/view';
import { paceDaysLeft } from '../foresight/forecast';
import type { StoredValue } from '../platform/storage';
import { repeatMinutes } from './check-policy';
import type { PollerDeps } from './deps';
import { settleStatus } from './schedule';
import { afterFailure, afterSuccess, type Transition } from './transitions';

const storeOrRemove = <T>(item: StoredValue<T>, value: T | null | undefined) =>
  value === undefined ? undefined : value === null ? item.remove() : item.set(value);

/** The badge, from what is stored (the forecast's pace too, for a badge that counts days). */
export async function redraw({ store, showView, now }: PollerDeps): Promise<void> {
  const [key, snapshot, status, settings, insightSettings, insights] = await Promise.all([
    store.apiKey.get(),
    store.snapshot.get(),
    store.status.get(),
    store.settings.get(),
    store.insightSettings.get(),
    store.insightsView.get(),
  ]);
  const view = toView({ hasKey: key !== null, snapshot, status, settings });
  await showView(view, insightSettings, insights ? paceDaysLeft(insights.view.forecast, now()) : null);
}

/** Recomputes the popup's forecast block from what is stored (after a check, or a change of renewal day). */
export async function describe(deps: PollerDeps): Promise<void> {
  const { store } = deps;
  const [snapshot, history, renewalDay] = await Promise.all([
    store.snapshot.get(),
    store.history.get(),
    store.renewalDay.get(),
  ]);
  if (!snapshot) return store.insightsView.remove();
  const now = deps.now();
  const input = { history, remaining: snapshot.usage.remainingCredits, renewalDay, now };
  await store.insightsView.set({ view: deps.describeInsights(input), computedAt: now });
}

async function apply(deps: PollerDeps, transition: Transition, usage: Usage | null, everyMinutes: number) {
  const { store } = deps;
  await Promise.all([
    storeOrRemove(store.snapshot, transition.snapshot),
    storeOrRemove(store.alertMemory, transition.alertMemory),
    storeOrRemove(store.history, transition.history),
    storeOrRemove(store.historyDecisionPending, transition.historyDecisionPending),
    storeOrRemove(store.insightAlertMemory, transition.insightAlertMemory),
    store.status.set(transition.status),
  ]);
  await deps.schedule(transition.nextAt, everyMinutes);
  if (transition.announce && usage) await deps.announce(transition.announce, usage);
  for (const announcement of transition.announceInsights) await deps.announceInsight(announcement);
  if (transition.history) await describe(deps);
}

async function record(deps: PollerDeps, outcome: FetchOutcome): Promise<void> {
  const { store } = deps;
  const now = deps.now();
  const [alertMemory, settings, insightAlertMemory, insightSettings, renewalDay] = await Promise.all([
    store.alertMemory.get(),
    store.settings.get(),
    store.insightAlertMemory.get(),
    store.insightSettings.get(),
    store.renewalDay.get(),
  ]);
  const alerts = { alertMemory, settings, insightAlertMemory, insightSettings, renewalDay };
  const every = repeatMinutes(insightSettings.checkEveryMinutes);
  if (outcome.ok) {
    // Not knowing where the person is must not cost a good answer: then someone may be looking.
    const [history, historyDecisionPending, presence] = await Promise.all([
      store.history.get(),
      store.historyDecisionPending.get(),
      deps.presence?.().catch(() => undefined),
    ]);
    const input = { ...alerts, history, historyDecisionPending, presence, random: deps.random() };
    return apply(deps, afterSuccess(input, outcome.usage, now), outcome.usage, every);
  }
  // A run of failures that began by a clock since set back began, as far as we can tell, now.
  const previous = settleStatus(await store.status.get(), now, every);
  return apply(deps, afterFailure(previous, outcome, now, deps.random(), alerts), null, every);
}

/** Stores what an answer means; if that fails, at least records that something went wrong. */
export async function recordAndRedraw(deps: PollerDeps, outcome: FetchOutcome): Promise<void> {
  try {
    await record(deps, outcome);
  } catch (error) {
    await record(deps, { ok: false, kind: 'internal' }).catch(() => undefined);
    throw error;
  } finally {
    await redraw(deps);
  }
}
