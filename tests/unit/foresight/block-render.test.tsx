import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InsightsPanel } from '@/components/InsightsPanel';
import { insightsView } from '@/lib/foresight/block';
import { insightsViewItem } from '@/lib/foresight/block-item';
import { insightsWords } from '@/lib/foresight/block-words';
import { Sparkline } from '@/components/Sparkline';
import { sparklineFacts, sparklineView } from '@/lib/foresight/sparkline';
import { DAY, HOUR } from '@/lib/history/calendar';
import { appendPoint } from '@/lib/history/readings';
import { EMPTY_HISTORY, type HistoryPoint, type UsageHistory } from '@/lib/history/points';
import { Forecast } from '@/entrypoints/popup/Forecast';
import { en } from '../helpers';

const now = new Date(2026, 11, 8, 15).getTime();

function mount(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

afterEach(() => {
  document.body.replaceChildren();
});

/** A week of spending 10 credits a day, read hourly, after a reset on Nov 14 and a top-up. */
function week(start = 160, topupAmount = 500): UsageHistory {
  let history: UsageHistory = {
    ...EMPTY_HISTORY,
    resets: [{ before: new Date(2026, 10, 13, 23, 50).getTime(), after: new Date(2026, 10, 14, 0, 20).getTime() }],
  };
  for (let hour = 7 * 24; hour >= 0; hour -= 1) {
    const at = now - hour * HOUR;
    const spent = Math.round(((7 * 24 - hour) * 10) / 24);
    const topup = hour < 3 * 24 ? topupAmount : 0;
    const point: HistoryPoint = {
      at,
      remaining: start - spent + topup,
      used: 840 + spent,
      monthly: 1000,
      topup,
      compressionsUsed: 10,
      compressionsLimit: 500,
    };
    history = appendPoint(history, point, at);
  }
  return history;
}

describe('the sparkline', () => {
  it('is an image whose name says the same in words, with the line, the top-up and the current value', () => {
    const svg = mount(<Sparkline view={sparklineView(sparklineFacts(week(), now), now, 'en-US', en)} />).querySelector(
      'svg',
    )!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'AI credits left over the last 30 days: from 160 to 590, monthly reset on Nov 14, 1 top-up on Dec 5',
    );
    expect(svg.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(7 * 24 + 1);
    expect(svg.querySelectorAll('.sparkline-topup')).toHaveLength(1);
    expect(svg.querySelector('circle.sparkline-dot')).not.toBeNull();
  });

  it('keeps its size while the history is read, hidden from screen readers', () => {
    const placeholder = mount(<Sparkline view={undefined} />).querySelector('svg')!;
    const drawn = mount(
      <Sparkline view={sparklineView(sparklineFacts(week(), now), now, 'en-US', en)} />,
    ).querySelector('svg')!;
    expect(placeholder.getAttribute('aria-hidden')).toBe('true');
    expect(placeholder.querySelector('polyline')).toBeNull();
    for (const attribute of ['width', 'height', 'viewBox']) {
      expect(placeholder.getAttribute(attribute)).toBe(drawn.getAttribute(attribute));
    }
  });
});

describe('the forecast block', () => {
  interface Block {
    history: UsageHistory;
    remaining?: number;
    renewalDay?: number | null;
    /** When the worker computed the facts; the popup words them at `now`. */
    computedAt?: number;
    onOpenSettings?: () => void;
  }
  const block = ({ history, remaining = 590, renewalDay = null, computedAt = now, onOpenSettings }: Block) => {
    const view = insightsView({ history, remaining, renewalDay, now: computedAt });
    // What the worker stored, as storage gives it back.
    const stored = JSON.parse(JSON.stringify({ view, computedAt })) as { view: typeof view; computedAt: number };
    const words = insightsWords(stored, computedAt, now, 'en-US', en);
    return mount(<InsightsPanel words={words} onOpenSettings={onOpenSettings ?? (() => {})} />);
  };
  const lines = (element: HTMLElement) => [...element.querySelectorAll('.insights-lines p')].map((p) => p.textContent);

  it('tells when credits reset and how long they last at this pace', () => {
    const shown = block({ history: week() });
    expect(lines(shown)).toEqual([
      'Monthly credits reset in 6 days (Dec 14)',
      'At this pace, your AI credits last about 59 more days (to Feb 5, 2027)',
      'Enough until your reset on Dec 14',
      // 590 left over Dec 8 to Dec 13.
      'You can spend about 98 AI credits a day until your reset on Dec 14',
      // 910 of 1,000 used, Dec 8 3 PM is 24.6 of the 30 days from Nov 14.
      "91% of this month's AI credits used, 82% of the month gone. Spending faster than an even pace.",
    ]);
    expect(shown.querySelector('section')!.getAttribute('aria-busy')).toBe('false');
  });

  it('colours the pace against the month only as a second signal, after the words', () => {
    const ahead = [...block({ history: week() }).querySelectorAll('.insights-lines p')].at(-1)!;
    expect(ahead.textContent).toMatch(/Spending faster than an even pace\.$/);
    expect(ahead.className).toBe('faster');
    // Renewing on the 9th: Nov 9 to Dec 9, 29.6 of its 30 days gone, 91% used.
    const behind = [...block({ history: week(), renewalDay: 9 }).querySelectorAll('.insights-lines p')].at(-1)!;
    expect(behind.textContent).toBe(
      "91% of this month's AI credits used, 99% of the month gone. Spending slower than an even pace.",
    );
    expect(behind.className).toBe('slower');
  });

  it('shows no allowance and no pace from a block stored before they existed', () => {
    const view = insightsView({ history: week(), remaining: 590, renewalDay: null, now });
    const { month: _new, ...older } = view;
    const words = insightsWords({ view: older, computedAt: now }, now, now, 'en-US', en);
    const shown = mount(<InsightsPanel words={words} onOpenSettings={() => {}} />);
    const texts = [...shown.querySelectorAll('.insights-lines p')].map((p) => p.textContent);
    expect(texts).toContain('You can spend about 98 AI credits a day until your reset on Dec 14');
    expect(texts.join(' ')).not.toContain('of the month gone');
  });

  it('warns, in the warning colour, when the credits run out before the reset', () => {
    const outlook = block({ history: week(100, 0), remaining: 30 }).querySelector('.insights-outlook')!;
    expect(outlook.textContent).toBe('Runs out about 3 days before your reset');
    expect(outlook.classList.contains('insights-short')).toBe(true);
  });

  it('links to the settings when the reset date is not known', () => {
    const openSettings = vi.fn();
    const shown = block({ history: { ...week(), resets: [] }, onOpenSettings: openSettings });
    expect(shown.querySelector('.insights-lines p')!.textContent).toBe('Reset date not known yet — set it in Settings');
    shown.querySelector<HTMLButtonElement>('.insights-lines button')!.click();
    expect(openSettings).toHaveBeenCalledOnce();
  });

  it('takes the renewal day the user set over the detected one', () => {
    const shown = block({ history: week(), renewalDay: 20 });
    expect(shown.querySelector('.insights-lines p')!.textContent).toBe('Monthly credits reset in 12 days (Dec 20)');
  });

  it('reserves the same boxes, empty and busy, until the block is read', () => {
    const shown = mount(<InsightsPanel words={undefined} onOpenSettings={() => {}} />);
    expect(shown.querySelector('section')!.getAttribute('aria-busy')).toBe('true');
    expect(shown.querySelector('svg.sparkline')).not.toBeNull();
    expect(shown.querySelector('.insights-lines')!.childElementCount).toBe(0);
  });

  it('says when a forecast comes when none is stored yet, and is not busy', () => {
    const shown = mount(<InsightsPanel words={null} onOpenSettings={() => {}} />);
    expect(shown.querySelector('section')!.getAttribute('aria-busy')).toBe('false');
    expect(lines(shown)).toEqual(['The forecast appears after the next successful check']);
  });

  it('asks for a day of use before forecasting', () => {
    const shown = block({ history: EMPTY_HISTORY });
    expect(shown.textContent).toContain('Forecast after a day of use');
    expect(shown.querySelector('svg')!.getAttribute('aria-label')).toBe(
      'No AI credit history for the last 30 days yet',
    );
  });

  it('from a check days ago, shows what it knew, as of when, and never a date in the past', () => {
    const shown = block({ history: week(), computedAt: now - 3 * DAY });
    expect(shown.querySelector('section')!.getAttribute('aria-busy')).toBe('false');
    expect(lines(shown)[0]).toBe('As of Dec 5, 3:00 PM');
    expect(lines(shown)[1]).toBe('Monthly credits reset in 6 days (Dec 14)');
    expect(shown.textContent).not.toMatch(/Dec [1-7]\)/);
  });
});

describe('the popup’s forecast, from what the worker stored', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('fills in from a block computed yesterday, marked as of then', async () => {
    const yesterday = now - DAY;
    const view = insightsView({ history: week(), remaining: 590, renewalDay: null, now: yesterday });
    await insightsViewItem.set({ view, computedAt: yesterday });
    const shown = mount(
      <Forecast
        account="a0"
        readAt={yesterday}
        now={now}
        locale="en-US"
        compressionsUsedUp={false}
        onOpenSettings={() => {}}
      />,
    );
    await vi.waitFor(() => expect(shown.querySelector('section')!.getAttribute('aria-busy')).toBe('false'));
    expect(shown.querySelector('.insights-as-of')!.textContent).toBe('As of Dec 7, 3:00 PM');
    expect(shown.textContent).toContain('Monthly credits reset in 6 days (Dec 14)');
  });

  it('with compressions used up, says on which day they come back', async () => {
    const view = insightsView({ history: week(), remaining: 590, renewalDay: null, now });
    await insightsViewItem.set({ view, computedAt: now });
    const shown = mount(
      <Forecast account="a0" readAt={now} now={now} locale="en-US" compressionsUsedUp onOpenSettings={() => {}} />,
    );
    await settle();
    await vi.waitFor(() => expect(shown.querySelector('.compressions-used-up')!.textContent).toContain('Dec 14'));
    expect(shown.querySelector('.compressions-used-up a')!.getAttribute('href')).toBe('https://fluximage.app/');
  });
});
