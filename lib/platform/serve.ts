import { browser, type Browser } from 'wxt/browser';
import { isApiKey } from '../account/key';
import { classifyError, type Argument, type BackgroundApi, type Envelope, type Method } from './messages';

const INVALID = Symbol('invalid');

/** Each message's argument, checked again in the background: a page is not trusted blindly. */
const ARGUMENTS: { [M in Method]: (value: unknown) => Argument<M> | typeof INVALID } = {
  refresh: (value) => (value === undefined ? undefined : INVALID),
  removeKey: (value) => (value === undefined ? undefined : INVALID),
  saveKey: (value) => {
    if (typeof value !== 'object' || value === null) return INVALID;
    const { key, force } = value as Record<string, unknown>;
    return typeof key === 'string' && isApiKey(key) && typeof force === 'boolean' ? { key, force } : INVALID;
  },
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
