import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/usage/App';
import { UsageLink } from '@/entrypoints/popup/UsageLink';
import { DAY } from '@/lib/history/calendar';
import { historyItems } from '@/lib/history/stored';
import { KEY, OTHER_KEY } from '../helpers';
import { mount, settle, storeAccount } from '../options/options-harness';
import { reading } from './history-fixtures';

const now = Date.now();
/** Ten days of one account's readings, with a reset five days ago. */
const tenDays = {
  points: [
    reading(now - 10 * DAY, 700),
    reading(now - 6 * DAY, 950),
    reading(now - 5 * DAY, 20),
    reading(now - DAY, 90),
  ],
  resets: [{ before: now - 6 * DAY, after: now - 5 * DAY }],
};

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', '#');
});

const charts = (page: HTMLElement) =>
  [...page.querySelectorAll('svg[role="img"]')].map((svg) => svg.getAttribute('aria-label'));

describe('the usage page', () => {
  it('shows both charts and the billing periods, the current one first', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await historyItems('a0').set(tenDays);
    const page = await mount(<App locale="en-US" />);
    await vi.waitFor(() => expect(page.querySelectorAll('svg[role="img"]')).toHaveLength(2));
    expect(charts(page)[0]).toMatch(/^AI credits left over the last 30 days: from 300 to 910, monthly reset on /);
    expect(charts(page)[1]).toMatch(/^AI credits spent per day over the last 30 days: 340 in all, the most on /);
    const rows = [...page.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toHaveLength(2);
    expect(rows[0]![0]).toMatch(/ – now \(in progress\)$/);
    expect(rows[0]!.slice(1)).toEqual(['90', '0', 'No']);
    expect(rows[1]![0]).toMatch(/\(readings began mid-period\)$/);
    expect(rows[1]!.slice(1)).toEqual(['250', '0', 'No']);
    expect(page.querySelectorAll('th[scope="col"]')).toHaveLength(4);
    expect(page.querySelector('caption')!.textContent).toContain('Billing periods seen on this device');
  });

  it('redraws both charts over 90 days when asked', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await historyItems('a0').set(tenDays);
    const page = await mount(<App locale="en-US" />);
    const ninety = await vi.waitFor(() => {
      const radio = [...page.querySelectorAll<HTMLInputElement>('input[type="radio"]')][1];
      expect(radio).toBeDefined();
      return radio!;
    });
    ninety.click();
    await settle();
    expect(charts(page)[0]).toMatch(/^AI credits left over the last 90 days/);
    expect(charts(page)[1]).toMatch(/^AI credits spent per day over the last 90 days/);
  });

  it('says so plainly when the account has no history, and offers no chart', async () => {
    await storeAccount('a0', KEY, 'Client A');
    const page = await mount(<App locale="en-US" />);
    await vi.waitFor(() =>
      expect(page.textContent).toContain(
        'No usage history for this account yet: it starts with the next successful check.',
      ),
    );
    expect(page.querySelector('svg[role="img"]')).toBeNull();
    expect(page.querySelector('table')).toBeNull();
    // Nothing to download either: no button that could only say there is nothing.
    expect(page.textContent).not.toContain('Download usage history');
  });

  it('opens on the account the address names, and the picker moves to another', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await storeAccount('a1', OTHER_KEY, 'Client B');
    await historyItems('a1').set(tenDays);
    history.replaceState(null, '', '#account=a1');
    const page = await mount(<App locale="en-US" />);
    const select = await vi.waitFor(() => {
      const found = page.querySelector<HTMLSelectElement>('#usage-account');
      expect(found).not.toBeNull();
      return found!;
    });
    await vi.waitFor(() => expect(page.querySelector('h2')!.textContent).toBe('Client B'));
    expect(select.value).toBe('a1');
    // The name comes with the accounts list; the charts once the account's history is read.
    await vi.waitFor(() => expect(page.querySelectorAll('svg[role="img"]')).toHaveLength(2));
    select.value = 'a0';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(page.querySelector('h2')!.textContent).toBe('Client A'));
    expect(location.hash).toBe('#account=a0');
    await vi.waitFor(() => expect(page.querySelector('svg[role="img"]')).toBeNull());
  });

  it('keeps the span chosen when another account is picked', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await storeAccount('a1', OTHER_KEY, 'Client B');
    await historyItems('a0').set(tenDays);
    await historyItems('a1').set(tenDays);
    const page = await mount(<App locale="en-US" />);
    const year = await vi.waitFor(() => {
      const radio = [...page.querySelectorAll<HTMLInputElement>('input[type="radio"]')][2];
      expect(radio).toBeDefined();
      return radio!;
    });
    year.click();
    await settle();
    const select = page.querySelector<HTMLSelectElement>('#usage-account')!;
    select.value = 'a1';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(page.querySelector('h2')!.textContent).toBe('Client B'));
    expect(charts(page)[0]).toMatch(/^AI credits left over the last 365 days/);
  });

  it("downloads the account's history as a CSV file named after it", async () => {
    await storeAccount('a0', KEY, 'Client A');
    await historyItems('a0').set(tenDays);
    let file: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      file = blob as Blob;
      return 'blob:history';
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const page = await mount(<App locale="en-US" />);
    const download = await vi.waitFor(() => {
      const found = [...page.querySelectorAll('button')].find((b) => b.textContent === 'Download usage history (CSV)');
      expect(found).toBeDefined();
      return found!;
    });
    download.click();
    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toMatch(/^fluximage-usage-client-a-\d{4}-\d{2}-\d{2}\.csv$/);
    expect((await file!.text()).split('\r\n')).toHaveLength(6);
  });

  it('with no account, says where to add one', async () => {
    const page = await mount(<App locale="en-US" />);
    await vi.waitFor(() => expect(page.textContent).toContain('No account yet.'));
    expect(page.querySelector('a')!.getAttribute('href')).toBe('/options.html');
  });
});

describe("the popup's way to the usage page", () => {
  it("opens the account's usage page in a new tab and closes the popup", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const link = await mount(<UsageLink account="a2" />);
    link.querySelector('button')!.click();
    await vi.waitFor(() => expect(close).toHaveBeenCalledOnce());
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/usage.html#account=a2' });
  });
});
