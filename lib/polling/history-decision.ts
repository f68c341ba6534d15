import { FIRST_ACCOUNT, accountKey } from '../account/account-id';
import { defineStoredFamily } from '../platform/storage';

/**
 * Set when a different key is saved, cleared by its first good answer, which decides whether
 * the usage history goes on (a rolled key of the same account) or starts again. Stored, not
 * kept in memory: a key saved anyway while FluxImage is down may get that answer hours later,
 * from another worker.
 */
export const historyDecisionPendingItems = defineStoredFamily<boolean>(accountKey('historyDecisionPending'), {
  parse: (value) => (typeof value === 'boolean' ? value : undefined),
  fallback: false,
  version: 1,
});
/** The first account's (the only one of a single-key install). */
export const historyDecisionPendingItem = historyDecisionPendingItems(FIRST_ACCOUNT);
