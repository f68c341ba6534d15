import { describe, expect, it } from 'vitest';
import spanish from '../../../public/_locales/es/messages.json';
import { createTranslator } from '@/lib/platform/i18n';
import { counted } from '@/lib/display/plural';
import { en } from '../helpers';

const TRANSLATORS = { en, es: createTranslator(spanish) };

describe('a count and its noun', () => {
  it.each([
    ['en', 'historyKept', 1, ['Nov 14'], '1 reading kept on this device since Nov 14.'],
    ['en', 'historyKept', 2, ['Nov 14'], '2 readings kept on this device since Nov 14.'],
    ['en', 'historyKept', 0, ['Nov 14'], '0 readings kept on this device since Nov 14.'],
    ['es', 'historyKept', 1, ['14 nov'], '1 lectura guardada en este dispositivo desde el 14 nov.'],
    ['es', 'historyKept', 3, ['14 nov'], '3 lecturas guardadas en este dispositivo desde el 14 nov.'],
    ['en', 'connected', 1, ['Pro'], 'Connected: Pro plan, 1 AI credit left.'],
    ['en', 'connected', 1080, ['Pro'], 'Connected: Pro plan, 1,080 AI credits left.'],
    ['es', 'connected', 1, ['Pro'], 'Conectado: plan Pro, queda 1 crédito de IA.'],
    ['es', 'connected', 1080, ['Pro'], 'Conectado: plan Pro, quedan 1080 créditos de IA.'],
    ['en', 'notifyLowBody', 1, [], '1 AI credit left. Click to open your FluxImage dashboard.'],
    ['es', 'notifyLowBody', 1, [], 'Queda 1 crédito de IA. Haz clic para abrir tu panel de FluxImage.'],
    ['en', 'notifyCreditsBackBody', 1, [], '1 AI credit available.'],
    ['es', 'notifyCreditsBackBody', 5, [], '5 créditos de IA disponibles.'],
    ['en', 'notifyCompressionsBody', 1, [], 'You have used your 1 compression of this period.'],
    ['es', 'notifyCompressionsBody', 20, [], 'Has usado las 20 compresiones de este periodo.'],
    ['en', 'forecastDaysLeft', 1, ['Dec 2'], 'At this pace, your AI credits last about 1 more day (to Dec 2)'],
    ['es', 'forecastDaysLeft', 1, ['2 dic'], 'A este ritmo, tus créditos de IA duran 1 día más (hasta el 2 dic)'],
    ['en', 'sparklineTopups', 1, ['Nov 20'], '1 top-up on Nov 20'],
    ['es', 'sparklineTopups', 2, ['19 nov y 20 nov'], '2 recargas (19 nov y 20 nov)'],
    ['es', 'compressionsUnlimited', 1, [], '1 usada · Ilimitadas'],
    ['es', 'badgeTitleCompressions', 1, ['199', '200'], 'Queda 1 compresión en este periodo (usadas 199 de 200)'],
  ] as const)('%s: %s, %i → "%s"', (locale, name, count, rest, text) => {
    expect(counted(TRANSLATORS[locale], locale, name, count, ...rest)).toBe(text);
  });

  it('follows the number as written: a fraction of a credit is not a credit', () => {
    expect(counted(en, 'en', 'notifyCreditsBackBody', 1.6)).toBe('1 AI credit available.');
  });

  // A language with more forms than English (Polish: one, few, many, other) brings them in its own file.
  const form = (message: string) => ({ message, placeholders: { count: { content: '$1' } } });
  const polish = createTranslator({
    historyKept_one: form('$COUNT$ odczyt'),
    historyKept_few: form('$COUNT$ odczyty'),
    historyKept_many: form('$COUNT$ odczytów'),
    historyKept_other: form('$COUNT$ odczytu'),
  });

  it.each([
    [1, '1 odczyt'],
    [3, '3 odczyty'],
    [5, '5 odczytów'],
    [22, '22 odczyty'],
  ])('in a language with more forms, %i picks its own: "%s"', (count, text) => {
    expect(counted(polish, 'pl', 'historyKept', count, 'x')).toBe(text);
  });

  it('falls back to the "other" form when a language file lacks one of its forms', () => {
    const partial = createTranslator({ historyKept_other: form('$COUNT$ odczytu') });
    expect(counted(partial, 'pl', 'historyKept', 3)).toBe('3 odczytu');
  });
});
