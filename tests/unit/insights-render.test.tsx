import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Insights } from '@/components/Insights';
import { InsightsPanel } from '@/components/InsightsPanel';
import { insightsView } from '@/lib/insights-view';
import { Sparkline } from '@/components/Sparkline';
import { sparklineView } from '@/lib/sparkline';
import { DAY, HOUR } from '@/lib/calendar';
import { appendPoint, EMPTY_HISTORY, type HistoryPoint, type UsageHistory } from '@/lib/history';
import { en, usage } from './helpers';

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
    const svg = mount(<Sparkline view={sparklineView(week(), now, 'en-US', en)} />).querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'AI credits left over the last 30 days: from 160 to 590, monthly reset on Nov 14, one top-up on Dec 5',
    );
    expect(svg.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(7 * 24 + 1);
    expect(svg.querySelectorAll('.sparkline-topup')).toHaveLength(1);
    expect(svg.querySelector('circle.sparkline-dot')).not.toBeNull();
  });

  it('keeps its size while the history is read, hidden from screen readers', () => {
    const placeholder = mount(<Sparkline view={undefined} />).querySelector('svg')!;
    const drawn = mount(<Sparkline view={sparklineView(week(), now, 'en-US', en)} />).querySelector('svg')!;
    expect(placeholder.getAttribute('aria-hidden')).toBe('true');
    expect(placeholder.querySelector('polyline')).toBeNull();
    for (const attribute of ['width', 'height', 'viewBox']) {
      expect(placeholder.getAttribute(attribute)).toBe(drawn.getAttribute(attribute));
    }
  });
});

describe('the forecast block', () => {
  const props = { usage: usage({ remainingCredits: 590 }), renewalDay: null, now, locale: 'en-US' };

  it('tells when credits reset and how long they last at this pace', () => {
    const block = mount(<Insights {...props} history={week()} onOpenSettings={() => {}} />);
    expect([...block.querySelectorAll('.insights-lines p')].map((p) => p.textContent)).toEqual([
      'Monthly credits reset in 6 days (Dec 14)',
      'At this pace, your AI credits last about 59 more days (to Feb 5, 2027)',
      'Enough until your reset on Dec 14',
    ]);
    expect(block.querySelector('section')!.getAttribute('aria-busy')).toBe('false');
  });

  it('warns, in the warning colour, when the credits run out before the reset', () => {
    const block = mount(
      <Insights {...props} usage={usage({ remainingCredits: 30 })} history={week(100, 0)} onOpenSettings={() => {}} />,
    );
    const outlook = block.querySelector('.insights-outlook')!;
    expect(outlook.textContent).toBe('Runs out about 3 days before your reset');
    expect(outlook.classList.contains('insights-short')).toBe(true);
  });

  it('links to the settings when the reset date is not known', () => {
    const openSettings = vi.fn();
    const history = { ...week(), resets: [] };
    const block = mount(<Insights {...props} history={history} onOpenSettings={openSettings} />);
    expect(block.querySelector('.insights-lines p')!.textContent).toBe('Reset date not known yet — set it in Settings');
    block.querySelector<HTMLButtonElement>('.insights-lines button')!.click();
    expect(openSettings).toHaveBeenCalledOnce();
  });

  it('takes the renewal day the user set over the detected one', () => {
    const block = mount(<Insights {...props} renewalDay={20} history={week()} onOpenSettings={() => {}} />);
    expect(block.querySelector('.insights-lines p')!.textContent).toBe('Monthly credits reset in 12 days (Dec 20)');
  });

  it('reserves the same boxes, empty and busy, until the history arrives', () => {
    const block = mount(<Insights {...props} history={undefined} onOpenSettings={() => {}} />);
    expect(block.querySelector('section')!.getAttribute('aria-busy')).toBe('true');
    expect(block.querySelector('svg.sparkline')).not.toBeNull();
    expect(block.querySelector('.insights-lines')!.childElementCount).toBe(0);
  });

  it('asks for a day of use before forecasting', () => {
    const block = mount(<Insights {...props} history={EMPTY_HISTORY} onOpenSettings={() => {}} />);
    expect(block.textContent).toContain('Forecast after a day of use');
    expect(block.querySelector('svg')!.getAttribute('aria-label')).toBe(
      'No AI credit history for the last 30 days yet',
    );
  });

  it('never shows a date in the past, even days after the last reading', () => {
    const block = mount(<Insights {...props} now={now + 3 * DAY} history={week()} onOpenSettings={() => {}} />);
    expect(block.textContent).not.toMatch(/Dec [1-9]\)/);
  });

  it('draws the same from a view stored by the worker as from the history', () => {
    const view = insightsView({ history: week(), remaining: 590, renewalDay: null, now }, 'en-US', en);
    const stored = JSON.parse(JSON.stringify(view)) as typeof view;
    const fromStorage = mount(<InsightsPanel view={stored} onOpenSettings={() => {}} />);
    const inPage = mount(<Insights {...props} history={week()} onOpenSettings={() => {}} />);
    expect(fromStorage.innerHTML).toBe(inPage.innerHTML);
    expect(fromStorage.querySelector('polyline')).not.toBeNull();
  });
});
