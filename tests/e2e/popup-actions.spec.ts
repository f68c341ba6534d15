// The popup's main action fits the state the account is in, in English and Spanish.
import type { Page } from '@playwright/test';
import { launchExtension, readBadge, saveKeyInOptions, type RunningExtension } from '../support/extension';
import { test, expect, ageLastCheck, firePollAlarm, storedData, KEY } from './fixtures';
import { WORDS, clock, type PollStatus } from './words';

for (const lang of ['en', 'es'] as const) {
  const words = WORDS[lang];

  test.describe(`in ${lang === 'en' ? 'English' : 'Spanish'}`, () => {
    let extension: RunningExtension;
    test.beforeEach(async ({ api }) => {
      api.reset();
      extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang });
      await saveKeyInOptions(extension, KEY);
    });
    test.afterEach(async () => {
      await extension.close();
    });

    /** Fires the poll alarm until the badge shows `text`. */
    const pollUntilBadge = (text: string) =>
      expect(async () => {
        await firePollAlarm(extension.context);
        await expect.poll(async () => (await readBadge(extension.context)).text, { timeout: 3_000 }).toBe(text);
      }).toPass({ timeout: 30_000 });

    const openPopup = async (): Promise<Page> => {
      const popup = await extension.context.newPage();
      await popup.goto(extension.url('popup.html'));
      await popup.locator('#app > *').first().waitFor();
      return popup;
    };

    test('a rejected key: "Update your key" opens the options on its Replace key field, with the reason', async ({
      api,
    }) => {
      api.setFault('unauthorized');
      await pollUntilBadge('!');
      const popup = await openPopup();
      await expect(popup.getByRole('button', { name: words.updateKey })).toBeVisible();
      // A check could only be refused again: no Refresh, and the settings are what the main button opens.
      await expect(popup.getByRole('button', { name: new RegExp(`^${words.refresh}`) })).toHaveCount(0);
      await expect(popup.getByRole('button', { name: words.settings })).toHaveCount(0);

      const opened = extension.context.waitForEvent('page', (page) => page.url().includes('/options.html'));
      const closed = popup.waitForEvent('close');
      // The popup closes itself once the options page is open, possibly before the click returns.
      await popup
        .getByRole('button', { name: words.updateKey })
        .click()
        .catch(() => undefined);
      await closed;
      const options = await opened;
      await expect(options.getByRole('alert')).toHaveText(words.rejectedReason);
      // The account's Replace key form, open, its field focused (the first-run field is not shown).
      const field = options.getByLabel(words.replaceKeyField(words.rejectedKeyAccount), { exact: true });
      await expect(field).toBeFocused();
      expect(new URL(options.url()).hash).toBe('#account=a0&replace');
      await expect(field).toHaveAccessibleDescription(new RegExp(`^${words.rejectedReason.replace(/[().]/g, '\\$&')}`));

      // The focus is where the new key goes: type it, press Enter, and the reason is gone.
      api.setFault(null);
      await options.keyboard.type(KEY);
      await options.keyboard.press('Enter');
      await expect(options.getByText(words.connected)).toBeVisible();
      await expect(options.getByText(words.rejectedReason)).toHaveCount(0);
    });

    test('no AI credits left: the top-up packs come first, as the main action', async ({ api }) => {
      api.setUsage({ ia_credits_remaining: 0, canUseIA: false });
      await pollUntilBadge('0');
      const popup = await openPopup();
      const packs = popup.getByRole('navigation').getByRole('link');
      await expect(packs).toHaveText([...words.packs]);
      // Above the figures, and drawn as primary buttons…
      const packsTop = (await packs.first().boundingBox())!.y;
      const figuresTop = (await popup.getByText(words.figures, { exact: true }).boundingBox())!.y;
      expect(packsTop).toBeLessThan(figuresTop);
      await expect(packs.first()).toHaveClass(/\bprimary\b/);
      // …the first thing the keyboard reaches, and the rest still there.
      await popup.keyboard.press('Tab');
      await expect(packs.first()).toBeFocused();
      await expect(popup.getByText(words.figures, { exact: true })).toBeVisible();
      await expect(popup.getByRole('button', { name: new RegExp(`^${words.refresh}`) })).toBeVisible();
    });

    test('with credits left, the packs stay below the figures as plain buttons', async () => {
      const popup = await openPopup();
      const packs = popup.getByRole('navigation').getByRole('link');
      await expect(packs).toHaveCount(3);
      const packsTop = (await packs.first().boundingBox())!.y;
      const figuresTop = (await popup.getByText(words.figures, { exact: true }).boundingBox())!.y;
      expect(packsTop).toBeGreaterThan(figuresTop);
      await expect(packs.first()).not.toHaveClass(/\bprimary\b/);
      await expect(popup.getByText(words.usedUp)).toHaveCount(0);
    });

    test('compressions used up on a limited plan: says so and links to the dashboard', async ({ api }) => {
      api.setUsage({ plan: 'starter', compressor_used: 200, compressor_limit: 200, canCompress: false });
      api.setUsage({ ia_credits_remaining: 999 });
      await pollUntilBadge('999');
      const popup = await openPopup();
      await expect(popup.getByText(words.usedUp)).toBeVisible();
      await expect(popup.getByRole('link', { name: words.plans })).toHaveAttribute('href', 'https://fluximage.app/');
    });

    test('updates failing: under Refresh, when it last tried and when it tries next', async ({ api }) => {
      api.setFault('server-error');
      await expect(async () => {
        await firePollAlarm(extension.context);
        const status = (await storedData(extension.context)).local.pollStatus as PollStatus | undefined;
        expect(status?.kind).toBe('server');
      }).toPass({ timeout: 30_000 });
      await ageLastCheck(extension.context);
      const popup = await openPopup();
      const refresh = popup.getByRole('button', { name: new RegExp(`^${words.refresh}`) });
      await expect(refresh).toBeVisible();
      // The popup's own check fails too; the line follows whatever was tried last.
      await expect(async () => {
        const status = (await storedData(extension.context)).local.pollStatus as PollStatus;
        expect(status.nextAt).not.toBeNull();
        const line = await refresh.evaluate((button) => {
          const id = button.getAttribute('aria-describedby');
          return id ? (document.getElementById(id)?.textContent ?? '') : '';
        });
        expect(line).toContain(words.lastTried(clock(status.checkedAt, lang)));
        expect(line).toContain(words.nextTry(clock(status.nextAt!, lang)));
        await expect(popup.getByText(line)).toBeVisible();
      }).toPass({ timeout: 15_000 });

      // Once a check gets through, the line goes.
      api.setFault(null);
      await pollUntilBadge('1k');
      await expect(popup.getByText(words.lastTried(''))).toHaveCount(0);
    });
  });
}
