import { browser } from 'wxt/browser';
import type { FailureKind } from '../polling/failures';
import type { Usage } from '../account/usage';

/** What the options page hears back after asking to save a key. */
export type SaveKeyResult =
  | { result: 'connected'; usage: Usage }
  | { result: 'rejected' }
  /** FluxImage could not confirm the key; nothing was stored (unless the save was forced). */
  | { result: 'unverified'; kind: FailureKind; saved: boolean }
  /** Another window changed the key while this one was being checked; this save was dropped. */
  | { result: 'superseded' }
  /** The key is already saved, for the account `account`; nothing changed. */
  | { result: 'duplicate'; account: string }
  /** The account was removed meanwhile (in another window); nothing was saved. */
  | { result: 'gone' };

/** What the options page hears back after asking to add an account. */
export type AddAccountResult =
  | (SaveKeyResult & { account?: string })
  /** `MAX_ACCOUNTS` accounts are watched already; nothing was added. */
  | { result: 'full' };

export type RefreshResult =
  | { result: 'checked' }
  /** Nothing to ask: no key, or a key FluxImage rejected. */
  | { result: 'idle' }
  /** Asked again too soon (or FluxImage asked us to wait): the next check can be at `at`. */
  | { result: 'too-soon'; at: number };

export interface SaveKeyRequest {
  /** The account whose key this replaces. */
  account: string;
  key: string;
  /** Store the key even when FluxImage cannot be reached to confirm it ("Save anyway"). */
  force: boolean;
}

export interface AddAccountRequest {
  key: string;
  force: boolean;
  /** The name the user typed; `null` for the default (the plan and the key's last four characters). */
  name: string | null;
}

export interface AccountRequest {
  account: string;
}

export interface RenameRequest {
  account: string;
  /** `null` goes back to the default name. */
  name: string | null;
}

/** The whole protocol between the pages and the background: one method per message. */
export interface BackgroundApi {
  refresh(request: AccountRequest): Promise<RefreshResult>;
  addAccount(request: AddAccountRequest): Promise<AddAccountResult>;
  saveKey(request: SaveKeyRequest): Promise<SaveKeyResult>;
  removeAccount(request: AccountRequest): Promise<void>;
  renameAccount(request: RenameRequest): Promise<void>;
}

export type Method = keyof BackgroundApi;
export type Argument<M extends Method> = Parameters<BackgroundApi[M]>[0];
type Reply<M extends Method> = Awaited<ReturnType<BackgroundApi[M]>>;

/** Why an action did not happen, in words a page can show. */
export type ActionError = 'storage-full' | 'storage' | 'no-answer' | 'internal';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ActionError };

/** An action the background could not carry out; `reason` says why. */
export class ActionFailed extends Error {
  constructor(readonly reason: ActionError) {
    super(reason);
  }
}

/** Storage errors name their cause in their message (Chrome: "QUOTA_BYTES quota exceeded"). */
export function classifyError(error: unknown): ActionError {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/quota/i.test(text)) return 'storage-full';
  if (/storage/i.test(text)) return 'storage';
  return 'internal';
}

/** Asks the background; resolves with its reply or throws `ActionFailed` with the reason. */
export async function send<M extends Method>(
  method: M,
  ...argument: Argument<M> extends undefined ? [] : [Argument<M>]
) {
  let envelope: Envelope<Reply<M>> | undefined;
  try {
    envelope = (await browser.runtime.sendMessage({ method, argument: argument[0] })) as Envelope<Reply<M>> | undefined;
  } catch {
    throw new ActionFailed('no-answer');
  }
  if (!envelope) throw new ActionFailed('no-answer');
  if (!envelope.ok) throw new ActionFailed(envelope.error);
  return envelope.value;
}
