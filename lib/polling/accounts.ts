import { MAX_ACCOUNTS, cleanAccountName, newAccountId, type Account } from '../account/accounts';
import type { Usage } from '../account/usage';
import type { View } from '../display/view';
import type { InsightAnnouncement } from '../foresight/alerts';
import type { InsightSettings } from '../foresight/settings';
import type {
  AccountRequest,
  AddAccountRequest,
  AddAccountResult,
  BackgroundApi,
  RefreshResult,
  RenameRequest,
  SaveKeyRequest,
  SaveKeyResult,
} from '../platform/messages';
import type { StoredValue } from '../platform/storage';
import type { PollerDeps, PollerStore } from './deps';
import { createPoller, type Poller } from './poller';
import { createSerial } from './serial';

/** Requests for different accounts go out one after another, at least this far apart. */
export const ACCOUNT_SPACING_MS = 1000;

/**
 * When the alarm rings, accounts due within this much more are asked with the others: browsers
 * ring an alarm at most every 30 seconds, so an account due a second later would wait that long.
 */
export const DUE_TOGETHER_MS = 60_000;

/** What the badge is drawn from: each account's view, in the list's order. */
export interface AccountView {
  account: Account;
  view: View;
  /** Days its credits last at the stored forecast's pace, when it has one. */
  daysLeft: number | null;
}

/** What the accounts' watch is given; what one account's poller is given comes from it. */
export interface AccountsDeps extends Pick<
  PollerDeps,
  'api' | 'hasAccess' | 'now' | 'random' | 'presence' | 'describeInsights'
> {
  accounts: StoredValue<Account[]>;
  /** The settings every account shares (what the badge counts and shows). */
  insightSettings: StoredValue<InsightSettings>;
  /** The account the popup showed last. */
  popupAccount: StoredValue<string | null>;
  /** Everything one account's poller reads and writes. */
  storeOf: (account: string) => PollerStore;
  /** Sets the one alarm that serves every account; `null` cancels it. */
  schedule: (at: number | null, everyMinutes?: number) => Promise<void>;
  isScheduled: () => Promise<boolean>;
  sleep: (ms: number) => Promise<void>;
  showBadge: (views: AccountView[], insightSettings: InsightSettings) => Promise<void>;
  announce: (account: string, level: 'low' | 'empty', usage: Usage) => Promise<void>;
  announceInsight: (account: string, announcement: InsightAnnouncement) => Promise<void>;
  clearAnnouncements: (account: string) => Promise<void>;
}

export type AccountsPoller = ReturnType<typeof createAccountsPoller>;

/**
 * Every account, each watched by a poller of its own (poller.ts) with its own numbers,
 * status, back-off and history; one alarm serves them all, set for the earliest account's
 * next check. Adding, replacing a key, renaming and removing go through one lane, so the
 * list never loses a change made at the same time in another window.
 */
export function createAccountsPoller(deps: AccountsDeps) {
  const lane = createSerial();
  const pollers = new Map<string, Poller>();
  /** Each account's next check, as its poller last planned it (filled again at a worker's start). */
  const planned = new Map<string, { at: number; everyMinutes: number | undefined }>();
  const views = new Map<string, { view: View; daysLeft: number | null }>();
  /** Ids handed to additions not yet in the list. */
  const reserved = new Set<string>();
  /** An account being added announces once it is listed, so the notification can name it. */
  const held = new Map<string, (() => Promise<void>)[]>();
  const whenListed = async (account: string, announce: () => Promise<void>) => {
    if (!reserved.has(account)) return announce();
    held.set(account, [...(held.get(account) ?? []), announce]);
  };

  /**
   * FluxImage, asked for one account after another: each request goes out at least
   * `ACCOUNT_SPACING_MS` after the one before, whichever accounts they are for, without
   * waiting for its answer (a slow account does not hold up the next).
   */
  let lastRequestAt = Number.NEGATIVE_INFINITY;
  let turn: Promise<void> = Promise.resolve();
  const spacedApi: PollerDeps['api'] = {
    fetchUsage: (key) => {
      const mine = turn.then(async () => {
        // Never more than the spacing: a clock set back since the last request must not hold this one.
        const wait = Math.min(lastRequestAt + ACCOUNT_SPACING_MS - deps.now(), ACCOUNT_SPACING_MS);
        if (wait > 0) await deps.sleep(wait);
        lastRequestAt = deps.now();
      });
      turn = mine;
      return mine.then(() => deps.api.fetchUsage(key));
    },
  };

  async function setAlarm(): Promise<void> {
    const listed = new Set((await deps.accounts.get()).map(({ id }) => id));
    const next = [...planned].filter(([id]) => listed.has(id) || reserved.has(id)).map(([, plan]) => plan);
    if (next.length === 0) return deps.schedule(null);
    const at = Math.min(...next.map((plan) => plan.at));
    const every = next.map((plan) => plan.everyMinutes).filter((minutes) => minutes !== undefined);
    await deps.schedule(at, every.length > 0 ? Math.min(...every) : undefined);
  }

  /** The badge from every account's view; with no account, it asks for a key. */
  async function drawBadge(): Promise<void> {
    const [accounts, insightSettings] = await Promise.all([deps.accounts.get(), deps.insightSettings.get()]);
    const shown = accounts.flatMap((account) => {
      const drawn = views.get(account.id);
      return drawn ? [{ account, ...drawn }] : [];
    });
    await deps.showBadge(shown, insightSettings);
  }

  function pollerOf(account: string): Poller {
    let poller = pollers.get(account);
    if (poller) return poller;
    poller = createPoller({
      api: spacedApi,
      hasAccess: deps.hasAccess,
      now: deps.now,
      random: deps.random,
      ...(deps.presence && { presence: deps.presence }),
      describeInsights: deps.describeInsights,
      store: deps.storeOf(account),
      schedule: async (at, everyMinutes) => {
        if (at === null) planned.delete(account);
        else planned.set(account, { at, everyMinutes });
        await setAlarm();
      },
      isScheduled: async () => planned.has(account) && (await deps.isScheduled()),
      showView: async (view, _insightSettings, daysLeft) => {
        views.set(account, { view, daysLeft });
        await drawBadge();
      },
      announce: (level, usage) => whenListed(account, () => deps.announce(account, level, usage)),
      announceInsight: (announcement) => whenListed(account, () => deps.announceInsight(account, announcement)),
      clearAnnouncements: () => deps.clearAnnouncements(account),
    });
    pollers.set(account, poller);
    return poller;
  }

  const listed = async (account: string) => (await deps.accounts.get()).some(({ id }) => id === account);

  /** Each listed account's poller, all at once: their requests take turns in `spacedApi`. */
  async function eachAccount(task: (poller: Poller) => Promise<unknown>, accounts?: readonly Account[]) {
    const list = accounts ?? (await deps.accounts.get());
    await Promise.all(list.map(({ id }) => task(pollerOf(id))));
  }

  /** Worker start: each account's badge and schedule come back from storage. */
  let started: Promise<void> | null = null;
  const resume = () =>
    (started ??= (async () => {
      const accounts = await deps.accounts.get();
      if (accounts.length === 0) return drawBadge();
      await eachAccount((poller) => poller.resume(), accounts);
    })().catch((error: unknown) => {
      // Tried again at the next event, not given up for the worker's life.
      started = null;
      throw error;
    }));

  /**
   * The alarm rang: ask every account whose next check has come. The alarm is set for the
   * earliest; if it rang before that (a clock set forward, the browser's own timing), that
   * earliest account's time has come all the same.
   */
  async function pollDue(): Promise<void> {
    await resume();
    const accounts = await deps.accounts.get();
    const plannedAt = (id: string) => planned.get(id)?.at ?? Number.POSITIVE_INFINITY;
    const earliest = Math.min(...accounts.map(({ id }) => plannedAt(id)));
    const now = Math.max(deps.now(), earliest);
    // Only an ordinary check is brought forward: a Retry-After or a back-off is waited out.
    const ordinary = await Promise.all(
      accounts.map(async ({ id }) => (await deps.storeOf(id).status.get())?.kind === 'ok'),
    );
    const due = accounts.filter(
      ({ id }, index) => plannedAt(id) <= now || (ordinary[index] && plannedAt(id) <= now + DUE_TOGETHER_MS),
    );
    await eachAccount((poller) => poller.poll(), due);
    await setAlarm();
  }

  async function addAccount({ key, force, name }: AddAccountRequest): Promise<AddAccountResult> {
    const claim = await lane.exclusive(async () => {
      const accounts = await deps.accounts.get();
      const holder = await accountWithKey(accounts, key);
      if (holder) return { result: 'duplicate' as const, account: holder };
      if (accounts.length + reserved.size >= MAX_ACCOUNTS) return { result: 'full' as const };
      const id = newAccountId([...accounts, ...[...reserved].map((reservedId) => ({ id: reservedId }) as Account)]);
      reserved.add(id);
      return { result: 'claimed' as const, id };
    });
    if (claim.result !== 'claimed') return claim;
    const { id } = claim;
    try {
      const saved = await pollerOf(id).saveKey({ key, force, holderOf: holderOtherThan(id) });
      if (saved.result !== 'connected' && !(saved.result === 'unverified' && saved.saved)) {
        await forget(id);
        return saved;
      }
      return await lane.exclusive(async (): Promise<AddAccountResult> => {
        const accounts = await deps.accounts.get();
        const holder = await accountWithKey(accounts, key);
        if (holder) {
          await forget(id);
          return { result: 'duplicate', account: holder };
        }
        const account: Account = { id, name: name === null ? null : cleanAccountName(name), addedAt: deps.now() };
        await deps.accounts.set([...accounts, account]);
        reserved.delete(id);
        for (const announce of held.get(id) ?? []) await announce();
        await drawBadge();
        return { ...saved, account: id };
      });
    } finally {
      reserved.delete(id);
      held.delete(id);
    }
  }

  /** The account, listed or being added, other than `account` that holds a key. */
  const holderOtherThan = (account: string) => async (key: string) =>
    holderAmong(
      [...(await deps.accounts.get()).map(({ id }) => id), ...reserved].filter((id) => id !== account),
      key,
    );

  /** Which of `accounts` holds `key`, if any. */
  const accountWithKey = (accounts: readonly Account[], key: string) =>
    holderAmong(
      accounts.map(({ id }) => id),
      key,
    );

  /** Which of `ids` holds `key`, if any. */
  async function holderAmong(ids: readonly string[], key: string): Promise<string | null> {
    const keys = await Promise.all(ids.map((id) => deps.storeOf(id).apiKey.get()));
    return ids.find((_, index) => keys[index] === key) ?? null;
  }

  /** An account's poller and what it stored, gone (the key, numbers, history, alert memory, renewal day). */
  async function forget(account: string): Promise<void> {
    await pollerOf(account).removeKey();
    await deps.storeOf(account).renewalDay.remove();
    pollers.delete(account);
    planned.delete(account);
    views.delete(account);
  }

  async function saveKey({ account, key, force }: SaveKeyRequest): Promise<SaveKeyResult> {
    const accounts = await deps.accounts.get();
    if (!accounts.some(({ id }) => id === account)) return { result: 'gone' };
    const holder = await accountWithKey(accounts, key);
    if (holder !== null && holder !== account) return { result: 'duplicate', account: holder };
    const saved = await pollerOf(account).saveKey({ key, force, holderOf: holderOtherThan(account) });
    // Removed while its new key was being checked: what the save stored goes with it.
    if (!(await listed(account))) {
      await forget(account);
      return { result: 'gone' };
    }
    return saved;
  }

  async function removeAccount({ account }: AccountRequest): Promise<void> {
    await lane.exclusive(async () => {
      // Its key first: a stop halfway leaves a listed account without a key, which the next start drops.
      await forget(account);
      const accounts = await deps.accounts.get();
      await deps.accounts.set(accounts.filter(({ id }) => id !== account));
      // A later account may get its id: it must not inherit the badge's or the popup's choice.
      const insightSettings = await deps.insightSettings.get();
      if (insightSettings.badgeAccount === account) {
        const { badgeAccount: _removed, ...rest } = insightSettings;
        await deps.insightSettings.set(rest);
      }
      if ((await deps.popupAccount.get()) === account) await deps.popupAccount.remove();
    });
    await setAlarm();
    await drawBadge();
  }

  async function renameAccount({ account, name }: RenameRequest): Promise<void> {
    await lane.exclusive(async () => {
      const accounts = await deps.accounts.get();
      const renamed = name === null ? null : cleanAccountName(name);
      await deps.accounts.set(accounts.map((entry) => (entry.id === account ? { ...entry, name: renamed } : entry)));
    });
    await drawBadge();
  }

  async function refresh({ account }: AccountRequest): Promise<RefreshResult> {
    if (!(await listed(account))) return { result: 'idle' };
    return pollerOf(account).refresh();
  }

  const handlers: BackgroundApi = { refresh, addAccount, saveKey, removeAccount, renameAccount };
  return {
    ...handlers,
    resume,
    pollDue,
    /** Everything at once, as after an update or the browser's start (still a second apart). */
    pollAll: async () => {
      await resume();
      await eachAccount((poller) => poller.poll());
    },
    reconnect: () => eachAccount((poller) => poller.reconnect()),
    accessChanged: () => eachAccount((poller) => poller.accessChanged()),
    redraw: async () => {
      await eachAccount((poller) => poller.redraw());
      await drawBadge();
    },
    insightSettingsChanged: async () => {
      await eachAccount((poller) => poller.insightSettingsChanged());
      await drawBadge();
    },
    /** One account's renewal day changed: its forecast and schedule follow. */
    renewalDayChanged: async (account: string) => {
      // A removal clears the renewal day too; that account is gone, not to be watched again.
      if (await listed(account)) await pollerOf(account).insightSettingsChanged();
    },
    personReturned: () => eachAccount((poller) => poller.personReturned()),
  };
}
