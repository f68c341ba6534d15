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
  | { result: 'superseded' };

export type RefreshResult =
  | { result: 'checked' }
  /** Nothing to ask: no key, or a key FluxImage rejected. */
  | { result: 'idle' }
  /** Asked again too soon (or FluxImage asked us to wait): the next check can be at `at`. */
  | { result: 'too-soon'; at: number };

export interface SaveKeyRequest {
  key: string;
  /** Store the key even when FluxImage cannot be reached to confirm it ("Save anyway"). */
  force: boolean;
}

/** The whole protocol between the pages and the background: one method per message. */
export interface BackgroundApi {
  refresh(): Promise<RefreshResult>;
  saveKey(request: SaveKeyRequest): Promise<SaveKeyResult>;
  removeKey(): Promise<void>;
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
