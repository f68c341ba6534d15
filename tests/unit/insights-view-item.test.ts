import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY, HOUR } from '@/lib/calendar';
import { insightsView } from '@/lib/insights-view';
import { currentInsightsView, insightsViewItem } from '@/lib/insights-view-item';
import { sampleHistory } from '../fake-api/sample-history';
import { en } from './helpers';

const now = new Date(2026, 10, 27, 15).getTime();
const view = insightsView({ history: sampleHistory(now), remaining: 1080, renewalDay: null, now }, 'en-US', en);

describe('the forecast block stored by the worker', () => {
  it('reads back as written', async () => {
    await insightsViewItem.set({ view, computedAt: now });
    expect(await insightsViewItem.get()).toEqual({ view, computedAt: now });
  });

  it('reads corrupt data as absent', async () => {
    await fakeBrowser.storage.local.set({
      insightsView: { view: { lines: 5 }, computedAt: now },
      insightsView$: { v: 1 },
    });
    expect(await insightsViewItem.get()).toBeNull();
  });

  it.each([
    ['computed earlier today', now - 10 * HOUR, true],
    ['computed yesterday ("in 6 days" would now be wrong)', now - DAY, false],
  ])('is shown when %s', (_, computedAt, shown) => {
    expect(currentInsightsView({ view, computedAt }, now)).toEqual(shown ? view : undefined);
  });
});
