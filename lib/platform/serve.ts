import { browser, type Browser } from 'wxt/browser';
import { isAccountId } from '../account/account-id';
import { ACCOUNT_NAME_MAX } from '../account/accounts';
import { isApiKey } from '../account/key';
import { classifyError, type Argument, type BackgroundApi, type Envelope, type Method } from './messages';

const INVALID = Symbol('invalid');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isKey = (value: unknown): value is string => typeof value === 'string' && isApiKey(value);
const isName = (value: unknown): value is string | null =>
  value === null || (typeof value === 'string' && value.length <= 4 * ACCOUNT_NAME_MAX);

/** Each message's argument, checked again in the background: a page is not trusted blindly. */
const ARGUMENTS: { [M in Method]: (value: unknown) => Argument<M> | typeof INVALID } = {
  refresh: (value) => (isObject(value) && isAccountId(value.account) ? { account: value.account } : INVALID),
  removeAccount: (value) => (isObject(value) && isAccountId(value.account) ? { account: value.account } : INVALID),
  renameAccount: (value) =>
    isObject(value) && isAccountId(value.account) && isName(value.name)
      ? { account: value.account, name: value.name }
      : INVALID,
  saveKey: (value) =>
    isObject(value) && isAccountId(value.account) && isKey(value.key) && typeof value.force === 'boolean'
      ? { account: value.account, key: value.key, force: value.force }
      : INVALID,
  addAccount: (value) =>
    isObject(value) && isKey(value.key) && typeof value.force === 'boolean' && isName(value.name)
      ? { key: value.key, force: value.force, name: value.name }
      : INVALID,
};

/**
 * Answers the pages' messages with `api`. Only this extension's own pages are heard;
 * a handler's failure goes back as an `ActionError`, never as a success.
 */
export function serve(api: BackgroundApi): void {
  const ownPages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ownPages)) return undefined;
    const call = parseCall(message);
    if (!call) return undefined;
    return answer(() => (api[call.method] as (argument: unknown) => Promise<unknown>)(call.argument));
  });
}

async function answer(handler: () => Promise<unknown>): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await handler() };
  } catch (error) {
    return { ok: false, error: classifyError(error) };
  }
}

function parseCall(message: unknown): { method: Method; argument: unknown } | null {
  if (typeof message !== 'object' || message === null) return null;
  const { method, argument } = message as { method?: unknown; argument?: unknown };
  if (typeof method !== 'string' || !Object.hasOwn(ARGUMENTS, method)) return null;
  const parsed = ARGUMENTS[method as Method](argument);
  return parsed === INVALID ? null : { method: method as Method, argument: parsed };
}
