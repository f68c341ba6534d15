// Answers and stored data that once broke the pages: names that are Object.prototype's
// members, counts and text no page can hold, damaged storage, unsafe links, awkward pastes.
import { extensionPage, type RunningExtension } from '../support/extension';
import { test, expect, expectBadge, firePollAlarm, replaceKey, storedData, KEY, KEY_ACCOUNT } from './fixtures';

/** Writes straight into the extension's storage, as anything with access to the profile can. */
async function writeStorage(context: RunningExtension['context'], items: Record<string, unknown>) {
  const page = await extensionPage(context);
  await page.evaluate(async (values) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(items: object): Promise<void> } } };
    };
    await chrome.storage.local.set(values);
  }, items);
}

test('a plan named constructor, toString or __proto__ is shown as a name, in both pages', async ({
  api,
  extension,
  saveKey,
  openPopup,
}) => {
  api.setUsage({ plan: 'constructor' });
  const options = await saveKey();
  await expect(options.locator('.add-account').getByRole('status')).toHaveText(
    'Connected: Constructor plan, 1,080 AI credits left.',
  );
  await expect(options.locator('.account h3')).toHaveText('Constructor ··b2c1');

  for (const [plan, label] of [
    ['constructor', 'Constructor plan'],
    ['toString', 'ToString plan'],
    ['__proto__', '__proto__ plan'],
  ] as const) {
    api.setUsage({ plan });
    await firePollAlarm(extension.context);
    await expect
      .poll(async () => (await storedData(extension.context)).local.usageSnapshot)
      .toMatchObject({
        usage: { plan },
      });
    const popup = await openPopup();
    await expect(popup.locator('.plan')).toHaveText(label);
    await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('1,080');
    await expect(popup.getByRole('button', { name: /^Refresh/ })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Settings', exact: true })).toBeVisible();
    await popup.close();
  }
});

test('a huge count, a 60 kB plan and a right-to-left override fit the badge and the popup', async ({
  api,
  saveKey,
  openPopup,
  badge,
}) => {
  api.setUsage({ plan: `pro\u202E${'x'.repeat(60_000)}`, ia_credits_remaining: 1e15 });
  const options = await saveKey();
  const connected = await options.locator('.add-account').getByRole('status').textContent();
  expect(connected).toMatch(/^Connected: Proxx+… plan, 1,000,000,000,000,000 AI credits left\.$/);
  expect(connected).not.toContain('\u202E');

  await expectBadge(badge, '1Q');
  const popup = await openPopup();
  const plan = popup.locator('.plan');
  await expect(plan).toHaveText(`Pro${'x'.repeat(36)}… plan`);
  expect((await plan.boundingBox())!.width).toBeLessThanOrEqual(320);
  // Neither the name nor the 22-character count runs past its box.
  for (const part of [plan, popup.getByLabel('AI credits left', { exact: true })]) {
    expect(await part.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  }
});

test('a count that is not a whole number is a bad answer, not a number to show', async ({
  api,
  extension,
  saveKey,
  badge,
}) => {
  const options = await saveKey();
  await expectBadge(badge, '1k');
  api.setUsage({ ia_credits_remaining: 10.5 });
  await firePollAlarm(extension.context);
  await expect.poll(async () => (await badge()).title).toMatch(/does not understand/);
  // The last good number stays, greyed, rather than a made-up 10.
  expect((await badge()).text).toBe('1k');

  const form = await replaceKey(options, KEY_ACCOUNT, KEY);
  await expect(form.getByRole('status')).toHaveText(/does not understand/);
});

test('damaged storage reads as absent: the popup still opens, and the next poll repairs it', async ({
  extension,
  saveKey,
  openPopup,
  badge,
}) => {
  const { context } = extension;
  await saveKey();
  await expectBadge(badge, '1k');
  const good = (await storedData(context)).local.usageSnapshot as { usage: object };

  const damages: [string, Record<string, unknown>][] = [
    ['a version marker of -1e12', { usageSnapshot$: { v: -1e12 } }],
    ['a version marker of 1.5', { usageSnapshot$: { v: 1.5 }, settings$: { v: 1e12 } }],
    [
      'times beyond what a date can hold',
      {
        usageSnapshot: { usage: good.usage, fetchedAt: 1e16 },
        usageSnapshot$: { v: 1 },
        pollStatus: { kind: 'server', checkedAt: 1e16, since: 1e16, attempts: 1, nextAt: 1e16 },
        pollStatus$: { v: 1 },
      },
    ],
  ];
  for (const [name, damage] of damages) {
    await test.step(name, async () => {
      await writeStorage(context, damage);
      const popup = await openPopup();
      await expect(popup.getByRole('heading', { name: 'FluxImage' })).toBeVisible();
      await expect(popup.getByRole('button', { name: /^Refresh/ })).toBeVisible();
      await expect(popup.getByRole('button', { name: 'Settings', exact: true })).toBeVisible();
      await firePollAlarm(context);
      await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('1,080');
      await expect(popup.locator('.updated')).toHaveText(/Updated/i);
      await popup.close();
    });
  }
});

test('checkout links: only fluximage.app on its default port, checked again on every read', async ({
  api,
  extension,
  saveKey,
  openPopup,
}) => {
  api.setUsage({
    topups: {
      small: 'https://fluximage.app:8443/checkout/small',
      medium: 'https://FLUXIMAGE.app:443/checkout/medium',
      large: 'https://fluximage.app/checkout/large',
    },
  });
  await saveKey();
  let popup = await openPopup();
  await expect(popup.getByRole('link', { name: 'Large pack' })).toBeVisible();
  await expect(popup.getByRole('link', { name: 'Small pack' })).toHaveCount(0);
  await expect(popup.getByRole('link', { name: 'Medium pack' })).toHaveAttribute(
    'href',
    'https://fluximage.app/checkout/medium',
  );
  await popup.close();

  // Something else with access to the profile rewrites the stored links; FluxImage is down,
  // so no fresh answer replaces them.
  api.setFault('server-error');
  const stored = (await storedData(extension.context)).local.usageSnapshot as { usage: object; fetchedAt: number };
  await writeStorage(extension.context, {
    usageSnapshot: {
      ...stored,
      usage: {
        ...stored.usage,
        topups: {
          small: 'https://evil.example/checkout',
          medium: 'https://fluximage.app:8443/checkout/medium',
          large: 'https://fluximage.app/checkout/large',
        },
      },
    },
  });
  popup = await openPopup();
  await expect(popup.getByRole('link', { name: 'Large pack' })).toBeVisible();
  await expect(popup.getByRole('link', { name: /Small pack|Medium pack/ })).toHaveCount(0);
  expect(await popup.locator('a[href*="evil"], a[href*="8443"]').count()).toBe(0);
});

test('the options page says what is wrong with a paste, and reads 1.000 as a decimal in English', async ({
  openOptions,
}) => {
  const options = await openOptions();
  const field = options.getByLabel('API key', { exact: true });
  const save = options.getByRole('button', { name: 'Save', exact: true });

  await field.fill(`${KEY.slice(0, 20)}\u200B${KEY.slice(20)}`);
  await save.click();
  await expect(options.getByRole('alert')).toHaveText(/contains invisible or look-alike characters/);

  // The first-run form finds the key in a pasted curl command.
  await field.fill(
    `curl -H "X-Name: flx_live_key" -H "Authorization: Bearer ${KEY.replace('flx_live_', 'FLX_LIVE_')}"`,
  );
  await save.click();
  // The field empties once a key is accepted and saved.
  await expect(field).toHaveValue('');
  await expect(options.locator('.add-account').getByRole('status')).toHaveText(
    'Connected: Pro plan, 1,080 AI credits left.',
  );
  await expect(options.getByText(`Saved key: flx_live_a3f9…b2c1`)).toBeVisible();

  // Replace key reads the same pastes: here the key with a suffix copied along.
  const form = await replaceKey(options, KEY_ACCOUNT, `${KEY}_old`);
  await expect(form.getByLabel(`New API key for ${KEY_ACCOUNT}`)).toHaveValue('');
  await expect(form.getByRole('status')).toHaveText('Connected: Pro plan, 1,080 AI credits left.');
  await expect(options.getByText(`Saved key: flx_live_a3f9…b2c1`)).toBeVisible();

  const threshold = options.getByLabel('Warn me at or below this many AI credits');
  await threshold.fill('1.000');
  await threshold.press('Enter');
  await expect(options.getByRole('alert')).toHaveText(
    'Enter a whole number of credits, 1 or more, or leave it empty for the default.',
  );
});
