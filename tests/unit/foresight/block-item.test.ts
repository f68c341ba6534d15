import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { insightsView } from '@/lib/foresight/block';
import { insightsViewItem } from '@/lib/foresight/block-item';
import { sampleHistory } from '../../fake-api/sample-history';

const now = new Date(2026, 10, 27, 15).getTime();
const view = insightsView({ history: sampleHistory(now), remaining: 1080, renewalDay: null, now });

describe('the forecast block stored by the worker', () => {
  it('reads back as written', async () => {
    await insightsViewItem.set({ view, computedAt: now });
    expect(await insightsViewItem.get()).toEqual({ view, computedAt: now });
  });

  it('drops the sentences an older version stored in one language, and keeps the next facts', async () => {
    const sentences = {
      lines: { reset: { known: true, text: 'Monthly credits reset in 21 days (Dec 22)' }, pace: null, outlook: null },
      sparkline: { line: '', dot: null, marks: [], width: 288, height: 44, label: 'No history yet' },
    };
    await fakeBrowser.storage.local.set({
      insightsView: { view: sentences, computedAt: now },
      insightsView$: { v: 1 },
    });
    // A page or worker migrates once: this one starts now, after the update.
    vi.resetModules();
    const { insightsViewItem } = await import('@/lib/foresight/block-item');
    expect(await insightsViewItem.get()).toBeNull();
    expect(await fakeBrowser.storage.local.get(['insightsView', 'insightsView$'])).toEqual({ insightsView$: { v: 2 } });
    await insightsViewItem.set({ view, computedAt: now });
    expect(await insightsViewItem.get()).toEqual({ view, computedAt: now });
  });

  it('holds facts, not words: nothing in it is in one language', () => {
    const text = JSON.stringify(view);
    // Only the field names and the forecast's kind are words; the rest are numbers and SVG points.
    const words = [...text.matchAll(/"([^"]*[A-Za-z][^"]*)"/g)].map((match) => match[1]);
    const fields = new Set(
      ['forecast', 'kind', 'pace', 'perDay', 'daysLeft', 'runOutAt', 'basisDays', 'renewal', 'userDay', 'resets']
        .concat(['remaining', 'sparkline', 'line', 'dot', 'x', 'y', 'marks', 'at', 'reset', 'topup', 'width'])
        .concat(['height', 'span', 'first', 'last', 'before', 'after', 'firstReadingAt', 'lastReadingAt'])
        .concat(['month', 'used', 'monthly']),
    );
    expect(words.filter((word) => !fields.has(word!))).toEqual([]);
  });

  it.each([
    ['a sentence where the forecast goes', { ...view, forecast: 'At this pace…' }],
    ['a run-out time beyond any date', { ...view, forecast: { ...view.forecast, runOutAt: 1e300 } }],
    ['a renewal day of 40', { ...view, renewal: { ...view.renewal, userDay: 40 } }],
    ['a reset at a negative time', { ...view, renewal: { ...view.renewal, resets: [{ before: null, after: -5 }] } }],
    ['a sparkline without its size', { ...view, sparkline: { ...view.sparkline, width: undefined } }],
  ])('reads %s as absent', async (_, damaged) => {
    await fakeBrowser.storage.local.set({ insightsView: { view: damaged, computedAt: now }, insightsView$: { v: 2 } });
    expect(await insightsViewItem.get()).toBeNull();
  });
});
