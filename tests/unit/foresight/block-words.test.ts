import { describe, expect, it } from 'vitest';
import spanish from '../../../public/_locales/es/messages.json';
import { DAY, HOUR } from '@/lib/history/calendar';
import { createTranslator } from '@/lib/platform/i18n';
import { insightsView } from '@/lib/foresight/block';
import type { StoredInsightsView } from '@/lib/foresight/block-item';
import { insightsWords } from '@/lib/foresight/block-words';
import { sampleHistory } from '../../fake-api/sample-history';
import { en } from '../helpers';

const es = createTranslator(spanish);
/** The last check: 27 Nov 2026, 3 PM, nine days after a reset on 18 Nov. */
const checkedAt = new Date(2026, 10, 27, 15).getTime();
const stored: StoredInsightsView = {
  view: insightsView({ history: sampleHistory(checkedAt), remaining: 1080, renewalDay: null, now: checkedAt }),
  computedAt: checkedAt,
};
const at = (now: number, t = en, locale = 'en-US', readAt = checkedAt) => insightsWords(stored, readAt, now, locale, t);
const texts = (words: ReturnType<typeof at>) => [
  words.asOf,
  words.lines.reset.text,
  words.lines.pace,
  words.lines.outlook?.text ?? null,
];

describe('the forecast block in words, where it is shown', () => {
  it('right after the check, says when credits reset and how long they last', () => {
    expect(texts(at(checkedAt + HOUR))).toEqual([
      null,
      'Monthly credits reset in 21 days (Dec 18)',
      expect.stringMatching(/^At this pace, your AI credits last about \d+ more days \(to \w{3} \d+(, 2027)?\)$/),
      'Enough until your reset on Dec 18',
    ]);
  });

  it('from an earlier day, shows what it knows, as of when, counted from today', () => {
    const fresh = at(checkedAt + HOUR);
    const later = at(checkedAt + 2 * DAY);
    expect(later.asOf).toBe('As of Nov 27, 3:00 PM');
    expect(later.lines.reset.text).toBe('Monthly credits reset in 19 days (Dec 18)');
    const daysLeft = (words: typeof later) => Number(words.lines.pace!.match(/about (\d+)/)![1]);
    expect(daysLeft(fresh) - daysLeft(later)).toBe(2);
    // The day the credits run out at that pace stays the same.
    expect(later.lines.pace!.slice(-8)).toBe(fresh.lines.pace!.slice(-8));
    expect(later.sparkline.label).toBe(fresh.sparkline.label);
  });

  it('is as old as the numbers it sits beside, when they are older than the block', () => {
    const words = at(checkedAt + HOUR, en, 'en-US', checkedAt - DAY);
    expect(words.asOf).toBe('As of Nov 26, 3:00 PM');
  });

  it('speaks the language of the page that shows it, whatever the worker spoke', () => {
    const words = at(checkedAt + 2 * DAY, es, 'es');
    expect(texts(words)).toEqual([
      'Datos del 27 nov, 15:00',
      'Nuevos créditos dentro de 19 días (18 dic)',
      expect.stringMatching(
        /^A este ritmo, tus créditos de IA duran unos \d+ días más \(hasta el \d+ \w{3}\.?( 2027)?\)$/,
      ),
      'Alcanzan hasta tu renovación del 18 dic',
    ]);
    expect(words.sparkline.label).toMatch(/^Créditos de IA restantes en los últimos 30 días: de [\d.]+ a 1080, /);
    expect([...texts(words), words.sparkline.label].join(' ')).not.toMatch(/\b(in|days|Dec|Nov|credits|reset)\b/);
  });

  it('after the renewal day has passed since the check, awaits the reset and the next check for a new pace', () => {
    const now = new Date(2026, 11, 19, 9).getTime();
    const words = at(now);
    expect(texts(words)).toEqual([
      'As of Nov 27, 3:00 PM',
      // No check has shown the reset: it is not taken as happened.
      'Monthly credits reset any time now',
      'Your monthly credits were due to reset after the last check: a new forecast comes with the next one',
      null,
    ]);
    expect(words.nextResetAt).toBe(now);
  });

  it('with the clock turned back before the check, still says as of when, and nothing breaks', () => {
    const words = at(checkedAt - 3 * DAY);
    expect(words.asOf).toBe('As of Nov 27, 3:00 PM');
    expect(words.lines.reset.text).toBe('Monthly credits reset in 24 days (Dec 18)');
  });
});
