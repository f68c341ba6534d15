import { describe, expect, it } from 'vitest';
import { toBadgeView } from '@/lib/display/badge';
import { toView, type ViewInput } from '@/lib/display/view';
import { DEFAULT_SETTINGS } from '@/lib/alerts/settings';
import type { PollStatus } from '@/lib/polling/status';
import { DEFAULT_INSIGHT_SETTINGS } from '@/lib/foresight/settings';
import { en, usage } from '../helpers';

const FETCHED = Date.UTC(2026, 10, 25, 14, 5);
const snapshot = (remainingCredits: number) => ({ usage: usage({ remainingCredits }), fetchedAt: FETCHED });
const failed = (kind: Exclude<PollStatus['kind'], 'ok'>, nextAt: number | null = FETCHED + 120_000): PollStatus => ({
  kind,
  checkedAt: FETCHED + 60_000,
  since: FETCHED + 60_000,
  attempts: 1,
  nextAt,
});
const ok: PollStatus = { kind: 'ok', checkedAt: FETCHED, nextAt: FETCHED + 900_000 };

function badge(input: Partial<ViewInput>) {
  const view = toView({ hasKey: true, snapshot: null, status: null, settings: DEFAULT_SETTINGS, ...input });
  return { kind: view.kind, ...toBadgeView(view, en, 'en-GB') };
}

const BLUE = '#1a73e8';
const AMBER = '#b05a00';
const RED = '#c5221f';
const GREY = '#80868b';
const DARK_GREY = '#5f6368';

describe('badge states', () => {
  it.each([
    ['no key', { hasKey: false }, 'no-key', '?', DARK_GREY],
    ['a key, nothing fetched yet', {}, 'loading', '…', DARK_GREY],
    ['plenty of credits', { snapshot: snapshot(1080), status: ok }, 'normal', '1k', BLUE],
    ['credits at the default threshold', { snapshot: snapshot(100), status: ok }, 'low', '100', AMBER],
    ['no credits', { snapshot: snapshot(0), status: ok }, 'empty', '0', RED],
    ['a rejected key', { status: failed('unauthorized', null) }, 'rejected', '!', RED],
    ['a failure with numbers', { snapshot: snapshot(1999), status: failed('server') }, 'stale', '1.9k', GREY],
    ['a failure before any numbers', { status: failed('network') }, 'unreachable', '!', GREY],
    [
      'access off, with numbers',
      { snapshot: snapshot(1080), status: failed('access-off', null) },
      'access-off',
      '1k',
      GREY,
    ],
    ['access off before any numbers', { status: failed('access-off', null) }, 'access-off', '!', GREY],
  ] as const)('%s → %s badge "%s" in %s', (_, input, kind, text, colour) => {
    const shown = badge(input);
    expect(shown.kind).toBe(kind);
    expect(shown.text).toBe(text);
    expect(shown.color).toBe(colour);
  });
});

describe('badge title', () => {
  it('states the numbers in words and when they were fetched', () => {
    expect(badge({ snapshot: snapshot(1080), status: ok }).title).toBe(
      'FluxImage: 1,080 AI credits left (120 of 1,000 monthly used, 200 top-up). Updated at 14:05.',
    );
  });

  it('says when credits are low, and against which threshold', () => {
    expect(badge({ snapshot: snapshot(90), status: ok }).title).toContain(
      'Low: at or under your alert threshold of 100.',
    );
  });

  it('says what failed and since when, keeping the last numbers', () => {
    const { title } = badge({ snapshot: snapshot(1080), status: failed('rate-limited') });
    expect(title).toContain('1,080 AI credits left');
    expect(title).toContain('Updates failing since 14:06: FluxImage is rate-limiting this key. Retrying at 14:07.');
  });

  it('says access to FluxImage is off, keeping the last numbers greyed', () => {
    const shown = badge({ snapshot: snapshot(1080), status: failed('access-off', null) });
    expect(shown.title).toBe(
      'FluxImage: 1,080 AI credits left (120 of 1,000 monthly used, 200 top-up). Updated at 14:05.\n' +
        'Access to fluximage.app is off.',
    );
    expect(shown.color).toBe(GREY);
  });

  it('tells the user to set a key, or to check a rejected one', () => {
    expect(badge({ hasKey: false }).title).toBe('FluxImage: add your API key in the options to see your credits.');
    expect(badge({ status: failed('unauthorized', null) }).title).toBe(
      'FluxImage rejected the API key. Check it in the options.',
    );
  });
});

describe('a badge that counts compressions', () => {
  const starter = (compressionsUsed: number, canCompress = true) => ({
    usage: usage({ plan: 'starter', compressionsLimit: 200, compressionsUsed, canCompress }),
    fetchedAt: FETCHED,
  });
  const counting = { ...DEFAULT_INSIGHT_SETTINGS, badge: 'compressions' as const };
  const shown = (snapshot: ReturnType<typeof starter>, settings = counting) =>
    toBadgeView(toView({ hasKey: true, snapshot, status: ok, settings: DEFAULT_SETTINGS }), en, 'en-GB', settings);

  it.each([
    [45, true, '155', BLUE],
    [185, true, '15', AMBER],
    [200, false, '0', RED],
  ])('%d of 200 used → "%s" in the colour of that number', (used, canCompress, text, color) => {
    const badge = shown(starter(used, canCompress));
    expect(badge.text).toBe(text);
    expect(badge.color).toBe(color);
    expect(badge.title.split('\n')[0]).toBe(`${text} compressions left this period (${used} of 200 used)`);
  });

  it('counts AI credits on a plan with unlimited compressions, whatever was chosen', () => {
    const badge = shown({ usage: usage(), fetchedAt: FETCHED });
    expect(badge.text).toBe('1k');
    expect(badge.title).not.toContain('compressions left');
  });
});
