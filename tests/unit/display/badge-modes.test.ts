import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import spanish from '../../../public/_locales/es/messages.json';
import { BADGE_STATES, toBadgeView } from '@/lib/display/badge';
import { accountsBadge } from '@/lib/display/badge-choice';
import { formatBadgeDays, monthlyShareLeft } from '@/lib/display/badge-text';
import { toView, type ViewInput } from '@/lib/display/view';
import { DEFAULT_SETTINGS } from '@/lib/alerts/settings';
import { BADGE_MODES, DEFAULT_INSIGHT_SETTINGS, type BadgeMode } from '@/lib/foresight/settings';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from '@/lib/platform/i18n';
import type { PollStatus } from '@/lib/polling/status';
import type { Usage } from '@/lib/account/usage';
import { en, usage } from '../helpers';

const es = createTranslator(spanish);
const FETCHED = Date.UTC(2026, 11, 1, 9);
const ok: PollStatus = { kind: 'ok', checkedAt: FETCHED, nextAt: FETCHED + 900_000 };
const mode = (badge: BadgeMode) => ({ ...DEFAULT_INSIGHT_SETTINGS, badge });
const viewOf = (current: Usage, input: Partial<ViewInput> = {}) =>
  toView({
    hasKey: true,
    snapshot: { usage: current, fetchedAt: FETCHED },
    status: ok,
    settings: DEFAULT_SETTINGS,
    ...input,
  });
const shown = (badge: BadgeMode, current: Usage, daysLeft: number | null = null, t = en) =>
  toBadgeView(viewOf(current), t, 'en-GB', mode(badge), daysLeft);

describe('what the badge shows', () => {
  it.each([
    ['days left at this pace', 'days', usage(), 9.7, '9d', BADGE_STATES.normal.color],
    ['days, under a day', 'days', usage(), 0.4, '0d', BADGE_STATES.normal.color],
    ['days, from 100 on', 'days', usage(), 365, '>99d', BADGE_STATES.normal.color],
    ['days without a forecast: the credits', 'days', usage(), null, '1k', BADGE_STATES.normal.color],
    [
      'days, credits low: amber',
      'days',
      usage({ remainingCredits: 80, creditsUsed: 1000, topupCredits: 80 }),
      3,
      '3d',
      BADGE_STATES.low.color,
    ],
    ['percent of this month left', 'percent', usage({ creditsUsed: 620 }), null, '38%', BADGE_STATES.normal.color],
    ['percent, all of it', 'percent', usage({ creditsUsed: 0 }), null, '100%', BADGE_STATES.normal.color],
    [
      'percent, month used up, top-ups left',
      'percent',
      usage({ creditsUsed: 1000, remainingCredits: 200 }),
      null,
      '0%',
      BADGE_STATES.normal.color,
    ],
    [
      'percent without an allocation: the credits',
      'percent',
      usage({ creditsMonthly: 0, creditsUsed: 0, remainingCredits: 200 }),
      null,
      '200',
      BADGE_STATES.normal.color,
    ],
    ['no number: a space, so the colour still shows', 'none', usage(), 12, ' ', BADGE_STATES.normal.color],
    [
      'no number, credits out: red',
      'none',
      usage({ remainingCredits: 0, creditsUsed: 1000, topupCredits: 0 }),
      0,
      ' ',
      BADGE_STATES.empty.color,
    ],
  ] as const)('%s', (_, badge, current, daysLeft, text, color) => {
    const view = shown(badge, current, daysLeft);
    expect(view.text).toBe(text);
    expect(view.color).toBe(color);
  });

  it('says in the tooltip what the days and the percent mean', () => {
    expect(shown('days', usage(), 9.7).title.split('\n')[0]).toBe('At this pace, AI credits for 9 more days.');
    expect(shown('percent', usage({ creditsUsed: 620 })).title.split('\n')[0]).toBe(
      "38% of this month's AI credits left.",
    );
    expect(shown('days', usage(), 9.7, es).title.split('\n')[0]).toBe('A este ritmo, créditos de IA para 9 días más.');
    // Without a forecast the badge counts credits, and the tooltip starts with them as it always did.
    expect(shown('days', usage()).title).toBe(shown('credits', usage()).title);
    expect(shown('none', usage()).title).toBe(shown('credits', usage()).title);
  });

  it.each(['days', 'percent', 'none'] as const)('lets "!", "?" and "…" win in the %s mode', (badge) => {
    const rejected: PollStatus = {
      kind: 'unauthorized',
      checkedAt: FETCHED,
      since: FETCHED,
      attempts: 1,
      nextAt: null,
    };
    const settings = mode(badge);
    expect(
      toBadgeView(
        toView({ hasKey: false, snapshot: null, status: null, settings: DEFAULT_SETTINGS }),
        en,
        'en',
        settings,
        5,
      ).text,
    ).toBe('?');
    expect(
      toBadgeView(
        toView({ hasKey: true, snapshot: null, status: null, settings: DEFAULT_SETTINGS }),
        en,
        'en',
        settings,
        5,
      ).text,
    ).toBe('…');
    const refused = toBadgeView(viewOf(usage(), { status: rejected }), en, 'en', settings, 5);
    expect([refused.text, refused.color]).toEqual(['!', BADGE_STATES.rejected.color]);
  });

  it('shows the days of the account on the badge among several', () => {
    const accounts = [
      { id: 'a0', name: 'Client A', view: viewOf(usage()), daysLeft: 40 },
      { id: 'a1', name: 'Client B', view: viewOf(usage({ remainingCredits: 90 })), daysLeft: 2.5 },
    ];
    expect(accountsBadge(accounts, en, 'en', mode('days')).text).toBe('2d');
  });

  it('writes the days in the language shown, still within four characters', () => {
    const locales = join(__dirname, '../../../public/_locales');
    const units = new Map<string, string>();
    for (const lang of readdirSync(locales)) {
      const t = createTranslator(JSON.parse(readFileSync(join(locales, lang, 'messages.json'), 'utf8')));
      const tag = t('messagesLanguage');
      const { text } = toBadgeView(viewOf(usage()), t, tag, mode('days'), 365);
      expect([...text], lang).toHaveLength(4);
      units.set(lang, toBadgeView(viewOf(usage()), t, tag, mode('days'), 9.7).text);
    }
    expect(units.get('en')).toBe('9d');
    expect(units.get('de')).toBe('9T');
    expect(units.get('ja')).toBe('9日');
  });

  it('fits four characters in every mode, for every number', () => {
    const counts = fc.oneof(fc.integer({ min: -10, max: 2000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(
        fc.constantFrom(...BADGE_MODES),
        counts,
        counts,
        counts,
        counts,
        fc.option(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(Number.POSITIVE_INFINITY)), {
          nil: null,
        }),
        (badge, remainingCredits, creditsUsed, creditsMonthly, compressionsUsed, daysLeft) => {
          const current = usage({
            plan: 'starter',
            remainingCredits,
            creditsUsed,
            creditsMonthly,
            compressionsUsed,
            compressionsLimit: 500,
          });
          const { text } = shown(badge, current, daysLeft);
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(4);
        },
      ),
    );
  });

  it('never shows more days or a larger share than there is', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 99.99, noNaN: true }), (days) => {
        expect(Number(formatBadgeDays(days).slice(0, -1))).toBeLessThanOrEqual(days);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (used, monthly) => {
        const share = monthlyShareLeft(usage({ creditsUsed: used, creditsMonthly: monthly }))!;
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share / 100).toBeLessThanOrEqual(Math.max(0, monthly - used) / monthly);
      }),
    );
  });
});
