import { test, expect, expectBadge, KEY } from './fixtures';

test.describe('first use', () => {
  test('invites the user to set a key, and asks FluxImage nothing', async ({ api, badge, openPopup }) => {
    await expectBadge(badge, '?');
    expect((await badge()).title).toContain('add your API key');
    const popup = await openPopup();
    await expect(popup.getByRole('heading', { name: 'Connect your FluxImage account' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Set API key' })).toBeVisible();
    expect(api.usageRequests()).toEqual([]);
  });
});

test.describe('saving a key', () => {
  test('verifies it, sends it as a Bearer token and shows the credits on the badge', async ({ api, badge, saveKey }) => {
    const options = await saveKey(`  Bearer ${KEY}\n`);
    await expect(options.getByText('Connected: Pro plan, 1,080 AI credits left.')).toBeVisible();
    await expect(options.getByText('Saved key: flx_live_a3f9…b2c1')).toBeVisible();
    expect(api.usageRequests()[0]).toMatchObject({ authorization: `Bearer ${KEY}`, cookie: undefined });
    await expectBadge(badge, '1k');
    expect((await badge()).title).toContain('1,080 AI credits left (120 of 1,000 monthly used, 200 top-up)');
  });

  test('explains a malformed key without sending it anywhere', async ({ api, saveKey }) => {
    const options = await saveKey('flx_live_1234');
    await expect(options.getByRole('alert')).toHaveText(/40 characters after flx_live_/);
    expect(api.usageRequests()).toEqual([]);
  });
});
