import { browser } from 'wxt/browser';
import type { FailureKind } from './api-client';
import type { Usage } from './usage';

/** What the options page hears back after asking to save a key. */
export type SaveKeyResult =
  { result: 'connected'; usage: Usage } | { result: 'rejected' } | { result: 'unverified'; kind: FailureKind };

/** Every message the pages send to the background, with its reply. */
export interface MessageReplies {
  refresh: void;
  'save-key': SaveKeyResult;
  'remove-key': void;
}

export type Message = { type: 'refresh' } | { type: 'save-key'; key: string } | { type: 'remove-key' };

export function sendMessage<M extends Message>(message: M): Promise<MessageReplies[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<MessageReplies[M['type']]>;
}

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, key } = value as { type?: unknown; key?: unknown };
  if (type === 'save-key') return typeof key === 'string';
  return type === 'refresh' || type === 'remove-key';
}
