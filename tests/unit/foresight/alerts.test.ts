import spanish from '../../../public/_locales/es/messages.json';
import { describe, expect, it } from 'vitest';
import type { ResetInfo } from '@/lib/foresight/next-reset';
import { DAY, HOUR } from '@/lib/history/calendar';
import type { Forecast } from '@/lib/foresight/forecast';
import { createTranslator } from '@/lib/platform/i18n';
import { insightAlertWords } from '@/lib/foresight/alert-words';
import {
  decideCrossing,
  decideInsightAlerts,
  decideRunOut,
  DEFAULT_INSIGHT_ALERT_MEMORY,
  type InsightAlertMemory,
  type InsightCheck,
} from '@/lib/foresight/alerts';
import { DEFAULT_INSIGHT_SETTINGS } from '@/lib/foresight/settings';
import { en, usage } from '../helpers';

const now = new Date(2026, 10, 27, 15).getTime();
const dec14 = new Date(2026, 11, 14).getTime();
const jan14 = new Date(2027, 0, 14).getTime();
const resetOn = (nextAt: number, detectedAt: number | null = null): ResetInfo => ({
  day: 14,
  source: 'user',
  detectedAt,
  nextAt,
  daysUntil: 17,
  timeOfDay: null,
  due: false,
});
const pace = (daysLeft: number, basisDays = 7): Forecast => ({
  kind: 'pace',
  perDay: 10,
  daysLeft,
  runOutAt: now + daysLeft * DAY,
  basisDays,
});
const armed = { warnedAt: null };
const warned = (at: number) => ({ warnedAt: at });

describe('a warning fired once per crossing', () => {
  it.each([
    [false, true, { announce: true, memory: true }],
    [true, true, { announce: false, memory: true }],
    [true, false, { announce: false, memory: false }],
    [false, false, { announce: false, memory: false }],
  ])('announced before: %s, holds now: %s', (announced, holds, expected) => {
    expect(decideCrossing(announced, holds)).toEqual(expected);
  });
});

describe('run-out warning', () => {
  it.each([
    ['runs out 8 days before the reset', armed, pace(9), resetOn(dec14), 8],
    ['lasts until the reset', armed, pace(20), resetOn(dec14), null],
    ['pace measured over less than 3 days', armed, pace(9, 2.5), resetOn(dec14), null],
    ['reset date unknown', armed, pace(9), null, null],
    ['already warned, no reset seen since', warned(now - 5 * DAY), pace(9), resetOn(dec14, now - 20 * DAY), null],
    ['already warned, never a reset seen', warned(now - 5 * DAY), pace(9), resetOn(dec14), null],
    ['warned before the last reset seen', warned(now - 20 * DAY), pace(9), resetOn(dec14, now - 12 * DAY), 8],
  ])('%s', (_, memory, forecast, reset, daysShort) => {
    const decision = decideRunOut(memory, forecast, reset, 90, now);
    expect(decision.announce?.daysShort ?? null).toBe(daysShort);
  });

  it('fires once per real billing period: a new renewal day does not start another, a reset seen does', () => {
    const lastReset = now - 13 * DAY;
    const steps: [Forecast, ResetInfo, number][] = [
      [pace(9), resetOn(dec14, lastReset), now],
      [pace(8), resetOn(dec14, lastReset), now + HOUR],
      [pace(20), resetOn(dec14, lastReset), now + 2 * HOUR],
      [pace(9), resetOn(dec14, lastReset), now + 3 * HOUR],
      // The user sets another renewal day.
      [pace(9), resetOn(dec14 + 3 * DAY, lastReset), now + 4 * HOUR],
      // The counters show a reset; the next period runs short too.
      [pace(9), resetOn(jan14, dec14 + HOUR), dec14 + 5 * DAY],
    ];
    let memory: InsightAlertMemory['runOut'] = armed;
    const fired = steps.map(([forecast, reset, at]) => {
      const decision = decideRunOut(memory, forecast, reset, 90, at);
      memory = decision.memory;
      return decision.announce?.resetAt ?? null;
    });
    expect(fired).toEqual([dec14, null, null, null, null, jan14]);
  });
});

describe('all look-ahead alerts for one check', () => {
  const reading = (changes: Partial<NonNullable<InsightCheck['reading']>> = {}) => ({
    at: now,
    usage: usage({ remainingCredits: 90, compressionsLimit: 500 }),
    forecast: pace(20),
    reset: resetOn(dec14),
    event: null,
    spending: { kind: 'normal' as const },
    ...changes,
  });
  const spike = { kind: 'spike' as const, spent: 300, periodMs: HOUR, multiple: 10 };
  const run = (checks: InsightCheck[], enabled = DEFAULT_INSIGHT_SETTINGS.notify) => {
    let memory = DEFAULT_INSIGHT_ALERT_MEMORY;
    return checks.map((check) => {
      const decision = decideInsightAlerts(memory, check, enabled);
      memory = decision.memory;
      return decision.announce.map((a) => a.kind);
    });
  };

  it('announces the key rejection once, again only after it worked in between', () => {
    const rejected = { keyRejected: true };
    const fine = { keyRejected: false, reading: reading() };
    expect(run([rejected, rejected, fine, rejected])).toEqual([['keyRejected'], [], [], ['keyRejected']]);
  });

  it('announces compressions used up once per crossing', () => {
    const out = { keyRejected: false, reading: reading({ usage: usage({ canCompress: false }) }) };
    const back = { keyRejected: false, reading: reading() };
    expect(run([out, out, back, out])).toEqual([['compressionsUsedUp'], [], [], ['compressionsUsedUp']]);
  });

  it('announces credits coming back only when turned on, once per event', () => {
    const topup = { keyRejected: false, reading: reading({ event: { kind: 'topup' as const, at: now } }) };
    expect(run([topup, topup])).toEqual([[], []]);
    const enabled = { ...DEFAULT_INSIGHT_SETTINGS.notify, creditsBack: true };
    expect(run([topup, topup], enabled)).toEqual([['creditsBack'], []]);
  });

  it('keeps quiet about kinds turned off', () => {
    const enabled = {
      runOut: false,
      compressionsUsedUp: false,
      keyRejected: false,
      creditsBack: false,
      unusualSpending: false,
    };
    const check = {
      keyRejected: false,
      reading: reading({ forecast: pace(9), usage: usage({ canCompress: false }), spending: spike }),
    };
    expect(run([{ keyRejected: true }, check], enabled)).toEqual([[], []]);
  });
});

describe('unusual spending among the look-ahead alerts', () => {
  const at = (hours: number, spending: NonNullable<InsightCheck['reading']>['spending']): InsightCheck => ({
    keyRejected: false,
    reading: {
      at: now + hours * HOUR,
      usage: usage(),
      forecast: pace(20),
      reset: resetOn(dec14),
      event: null,
      spending,
    },
  });
  const spike = { kind: 'spike' as const, spent: 300, periodMs: HOUR, multiple: 10 };
  const normal = { kind: 'normal' as const };
  const run = (checks: InsightCheck[], enabled = DEFAULT_INSIGHT_SETTINGS.notify) => {
    let memory: InsightAlertMemory = DEFAULT_INSIGHT_ALERT_MEMORY;
    return checks.map((check) => {
      const decision = decideInsightAlerts(memory, check, enabled);
      memory = decision.memory;
      return decision.announce.filter((a) => a.kind === 'unusualSpending').length;
    });
  };

  it('is on by default and announces the spend, the period and the multiple', () => {
    const { announce } = decideInsightAlerts(
      DEFAULT_INSIGHT_ALERT_MEMORY,
      at(0, spike),
      DEFAULT_INSIGHT_SETTINGS.notify,
    );
    expect(announce).toEqual([{ kind: 'unusualSpending', spent: 300, periodMs: HOUR, multiple: 10 }]);
  });

  it('fires once per episode, and again only after a calm of 3 hours', () => {
    // Spikes at 0 and 1 h, calm readings at 2, 3, 4 h: the episode ends at 4 h (3 h after the last spike).
    const checks = [at(0, spike), at(1, spike), at(2, normal), at(3, normal), at(3.5, spike), at(6.5, normal)];
    expect(run(checks)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(run([...checks, at(7, spike)])).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('turned off, says nothing, yet remembers the episode so turning it on does not announce a stale one', () => {
    const off = { ...DEFAULT_INSIGHT_SETTINGS.notify, unusualSpending: false };
    const first = decideInsightAlerts(DEFAULT_INSIGHT_ALERT_MEMORY, at(0, spike), off);
    expect(first.announce).toEqual([]);
    const later = decideInsightAlerts(first.memory, at(0.1, spike), DEFAULT_INSIGHT_SETTINGS.notify);
    expect(later.announce).toEqual([]);
  });
});

describe('notification words', () => {
  const es = createTranslator(spanish);

  it.each([
    [
      { kind: 'runOut' as const, daysShort: 5, resetAt: dec14 },
      'FluxImage AI credits may run out before your reset',
      'At this pace you will run out about 5 days before your reset on Dec 14.',
    ],
    [
      { kind: 'compressionsUsedUp' as const, limit: 1500 },
      'FluxImage compressions used up',
      'You have used all 1,500 compressions of this period.',
    ],
    [
      { kind: 'keyRejected' as const },
      'FluxImage API key stopped working',
      'FluxImage no longer accepts your API key. Click to enter a new one.',
    ],
    [
      { kind: 'creditsBack' as const, event: 'reset' as const, remaining: 1000 },
      'FluxImage AI credits renewed',
      '1,000 AI credits available.',
    ],
    [
      { kind: 'creditsBack' as const, event: 'topup' as const, remaining: 1090 },
      'FluxImage top-up received',
      '1,090 AI credits available.',
    ],
  ])('%o', (announcement, title, message) => {
    expect(insightAlertWords(announcement, now, 'en-US', en)).toEqual({ title, message });
  });

  it('speaks Spanish', () => {
    expect(insightAlertWords({ kind: 'runOut', daysShort: 1, resetAt: dec14 }, now, 'es', es)).toEqual({
      title: 'Tus créditos de IA de FluxImage podrían acabarse antes de la renovación',
      message: 'A este ritmo se acabarán alrededor de 1 día antes de tu renovación del 14 dic.',
    });
  });
});

describe('unusual-spending words', () => {
  const es = createTranslator(spanish);
  const MINUTE = 60_000;
  const words = (spent: number, periodMs: number, multiple: number | null, locale = 'en-US', t = en) =>
    insightAlertWords({ kind: 'unusualSpending', spent, periodMs, multiple }, now, locale, t, 'Client A');

  it('names the account, the credits, the period and the multiple, and says what to do', () => {
    expect(words(300, HOUR, 10.2)).toEqual({
      title: 'Unusual spending on Client A',
      message:
        '300 AI credits in the last hour, about 10× your usual pace. If this was not you, roll your key in the FluxImage dashboard.',
      namesAccount: true,
    });
  });

  it.each([
    [20 * MINUTE, 'in the last 20 minutes'],
    [MINUTE, 'in the last minute'],
    [10_000, 'in the last minute'],
    [59.6 * MINUTE, 'in the last hour'],
    [75 * MINUTE, 'in the last 75 minutes'],
    [2 * HOUR, 'in the last 2 hours'],
    [10.2 * HOUR, 'in the last 11 hours'],
    [50 * HOUR, 'in the last 3 days'],
  ])('a period of %d ms reads “%s”', (periodMs, period) => {
    expect(words(1200, periodMs, 48).message).toContain(`1,200 AI credits ${period}, about 48×`);
  });

  it('without a usual pace to compare, says it is far above it', () => {
    expect(words(40, 15 * MINUTE, null).message).toMatch(
      /^40 AI credits in the last 15 minutes, far above your usual pace\./,
    );
  });

  it('speaks Spanish', () => {
    expect(words(300, HOUR, 10, 'es', es)).toEqual({
      title: 'Gasto inusual en Client A',
      message:
        '300 créditos de IA en la última hora, unas 10 veces tu ritmo habitual. Si no has sido tú, regenera tu clave en el panel de FluxImage.',
      namesAccount: true,
    });
    expect(words(1, 20 * MINUTE, 5, 'es', es).message).toMatch(/^1 crédito de IA en los últimos 20 minutos, /);
    expect(words(30, 3 * HOUR, 5, 'es', es).message).toMatch(/^30 créditos de IA en las últimas 3 horas, /);
  });
});
