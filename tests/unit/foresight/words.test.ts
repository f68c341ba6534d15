import { describe, expect, it } from 'vitest';
import spanish from '../../../public/_locales/es/messages.json';
import type { ResetInfo } from '@/lib/foresight/next-reset';
import { DAY } from '@/lib/history/calendar';
import type { Forecast } from '@/lib/foresight/forecast';
import { createTranslator } from '@/lib/platform/i18n';
import { insightLines, type InsightFacts } from '@/lib/foresight/words';
import { en } from '../helpers';

const es = createTranslator(spanish);
const now = new Date(2026, 10, 27, 15).getTime();
const dec14 = new Date(2026, 11, 14).getTime();
const reset: ResetInfo = {
  day: 14,
  source: 'detected',
  detectedAt: null,
  nextAt: dec14,
  daysUntil: 17,
  timeOfDay: null,
  due: false,
};
/** On the renewal day, Dec 14, at `hour`: the reset expected from `from` to `to` (minutes), not seen yet. */
const onDec14 = (hour: number, timeOfDay: ResetInfo['timeOfDay']) => {
  const at = new Date(2026, 11, 14, hour).getTime();
  const nextAt = new Date(2026, 11, 14, 0, timeOfDay?.from ?? 0).getTime();
  return { now: at, reset: { ...reset, nextAt, daysUntil: 0, timeOfDay, due: at >= nextAt } };
};
const pace = (daysLeft: number): Forecast => ({
  kind: 'pace',
  perDay: 10,
  daysLeft,
  runOutAt: now + daysLeft * DAY,
  basisDays: 7,
});
const facts = (changes: Partial<InsightFacts>): InsightFacts => ({
  forecast: pace(9),
  reset,
  remaining: 90,
  now,
  asOf: now,
  ...changes,
});

describe('popup sentences', () => {
  it.each([
    [{}, 'Monthly credits reset in 17 days (Dec 14)'],
    [{ reset: { ...reset, daysUntil: 1 } }, 'Monthly credits reset tomorrow (Dec 14)'],
  ])('reset line %#', (changes, expected) => {
    expect(insightLines(facts(changes), 'en-US', en).reset).toEqual({ known: true, text: expected });
  });

  it.each([
    [
      'the morning of the day, 7 PM known within 15 minutes',
      onDec14(9, { from: 1130, to: 1145 }),
      'Monthly credits reset today around 7 PM',
    ],
    ['within the window', onDec14(19, { from: 1130, to: 1145 }), 'Monthly credits reset today around 7 PM'],
    ['known within two hours', onDec14(9, { from: 1080, to: 1200 }), 'Monthly credits reset today around 7 PM'],
    [
      'late in the evening: never “around 12 AM”',
      onDec14(9, { from: 1390, to: 1435 }),
      'Monthly credits reset today around 11 PM',
    ],
    ['known only within eight hours', onDec14(1, { from: 0, to: 480 }), 'Monthly credits reset today (Dec 14)'],
    ['time of day unknown', onDec14(9, null), 'Monthly credits reset today (Dec 14)'],
    ['past the known time, not shown yet', onDec14(20, { from: 1130, to: 1145 }), 'Monthly credits reset any time now'],
    ['past a wide window, not shown yet', onDec14(9, { from: 0, to: 480 }), 'Monthly credits reset any time now'],
    [
      'the day after, not shown yet',
      { now: dec14 + DAY + 9 * 3_600_000, reset: { ...reset, daysUntil: -1, due: true } },
      'Monthly credits reset any time now',
    ],
  ])('on the renewal day: %s', (_, { now: at, reset: due }, expected) => {
    expect(insightLines(facts({ now: at, reset: due }), 'en-US', en).reset).toEqual({ known: true, text: expected });
  });

  it('measures against a due reset as awaited today', () => {
    const { now: at, reset: due } = onDec14(20, { from: 1130, to: 1145 });
    const forecast: Forecast = { kind: 'pace', perDay: 10, daysLeft: 3, runOutAt: at + 3 * DAY, basisDays: 7 };
    expect(insightLines(facts({ now: at, reset: due, forecast }), 'en-US', en).outlook).toEqual({
      text: 'Enough until your reset on Dec 14',
      short: false,
    });
  });

  it('asks for the renewal day when no reset was seen', () => {
    expect(insightLines(facts({ reset: null }), 'en-US', en)).toMatchObject({
      reset: { known: false, text: 'Reset date not known yet', link: 'set it in Settings' },
      outlook: null,
    });
  });

  it.each([
    [pace(9), 'At this pace, your AI credits last about 9 more days (to Dec 6)'],
    [pace(1.2), 'At this pace, your AI credits last about 1 more day (to Nov 28)'],
    [pace(0.3), 'At this pace, your AI credits run out within a day'],
    [pace(40), 'At this pace, your AI credits last about 40 more days (to Jan 6, 2027)'],
    [pace(500), 'At this pace, your AI credits last more than a year'],
    [{ kind: 'no-spending', basisDays: 7 }, 'No AI credits used in the last 7 days'],
    [{ kind: 'no-spending', basisDays: 3 }, 'No AI credits used since Nov 24'],
    [{ kind: 'insufficient' }, 'Forecast after a day of use'],
  ] as [Forecast, string][])('pace line %#: %s', (forecast, expected) => {
    expect(insightLines(facts({ forecast }), 'en-US', en).pace).toBe(expected);
  });

  it.each([
    [pace(9), 'Runs out about 8 days before your reset'],
    [pace(16), 'Runs out about 1 day before your reset'],
    [pace(16.5), 'Enough until your reset on Dec 14'],
    [pace(20), 'Enough until your reset on Dec 14'],
    [{ kind: 'insufficient' }, null],
  ] as [Forecast, string | null][])('compared with the reset %#: %s', (forecast, expected) => {
    expect(insightLines(facts({ forecast }), 'en-US', en).outlook?.text ?? null).toBe(expected);
  });

  it('counts days without spending back from the last check, not from when the popup opens', () => {
    const later = insightLines(
      facts({ forecast: { kind: 'no-spending', basisDays: 3 }, now: now + 2 * DAY }),
      'en-US',
      en,
    );
    expect(later.pace).toBe('No AI credits used since Nov 24');
  });

  it('says nothing about the pace when no credits are left', () => {
    expect(insightLines(facts({ remaining: 0, forecast: pace(0) }), 'en-US', en)).toMatchObject({
      pace: null,
      outlook: null,
    });
  });

  it('speaks Spanish', () => {
    expect(insightLines(facts({ forecast: pace(9) }), 'es', es)).toEqual({
      reset: { known: true, text: 'Nuevos créditos dentro de 17 días (14 dic)' },
      pace: 'A este ritmo, tus créditos de IA duran unos 9 días más (hasta el 6 dic)',
      outlook: { text: 'Se acaban alrededor de 8 días antes de tu renovación', short: true },
      plan: [{ text: 'Puedes gastar unos 5 créditos de IA al día hasta tu renovación del 14 dic' }],
    });
    const today = onDec14(9, { from: 1130, to: 1145 });
    expect(insightLines(facts(today), 'es', es).reset.text).toBe('Nuevos créditos hoy (hora aproximada: 19 h)');
    expect(insightLines(facts(onDec14(9, null)), 'es', es).reset.text).toBe('Nuevos créditos hoy (14 dic)');
    expect(insightLines(facts(onDec14(20, { from: 1130, to: 1145 })), 'es', es).reset.text).toBe(
      'Nuevos créditos en cualquier momento',
    );
  });
});
