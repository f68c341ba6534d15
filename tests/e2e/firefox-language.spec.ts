// The Language setting in real Firefox ESR (tests/support/firefox.ts): its event page and pages follow it.
import { submitKey, text, waitFor, waitForText, withFirefox } from '../support/firefox';
import { test, expect, KEY } from './fixtures';

test('in Firefox ESR: Spanish chosen in the options page, the popup and the badge speak it', async ({ api }) => {
  test.setTimeout(90_000);
  api.reset();
  await withFirefox(async (firefox) => {
    const options = await firefox.open('options.html');
    await submitKey(options, KEY);
    await waitForText(options, 'Connected: Pro plan, 1,080 AI credits left.');
    await waitFor(() => options.$('#language'));
    await options.select('#language', 'es');

    await waitForText(options, 'Ajustes de FluxImage Companion');
    await waitForText(options, 'Guardado');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('es');
    await waitFor(async () => (await firefox.badge(options)).title.includes('FluxImage: quedan 1080 créditos de IA'));

    const popup = await firefox.open('popup.html');
    await waitForText(popup, 'Créditos de IA restantes');
    const shown = await text(popup);
    expect(shown).toContain('120 de 1000 usados');
    expect(shown).not.toMatch(/\b(credits|used|Refresh)\b/);
  });
});
