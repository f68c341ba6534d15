import { render, type ComponentChild } from 'preact';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountsItem, type Account } from '@/lib/account/accounts';
import { apiKeyItems } from '@/lib/account/key';
import { snapshotItems } from '@/lib/account/usage';
import type { BackgroundApi, Method } from '@/lib/platform/messages';
import { usage } from '../helpers';
import type { Usage } from '@/lib/account/usage';

/** Lets Preact render and stored values arrive, as they would between a person's actions. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

export async function mount(node: ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  await settle();
  return container;
}

/** A stored account with its key and numbers, as the background leaves one. */
export async function storeAccount(id: string, key: string, name: string | null, changes: Partial<Usage> = {}) {
  const account: Account = { id, name, addedAt: 1 };
  await accountsItem.set([...(await accountsItem.get()), account]);
  await apiKeyItems(id).set(key);
  await snapshotItems(id).set({ usage: usage(changes), fetchedAt: Date.now() });
}

type Handlers = { [M in Method]?: (argument: Parameters<BackgroundApi[M]>[0]) => unknown };

/** Answers the page's messages as the background would; returns what it was asked. */
export function background(handlers: Handlers) {
  const asked: { method: string; argument: unknown }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: {
    method: Method;
    argument: never;
  }) => {
    asked.push(message);
    const handler = handlers[message.method] as ((argument: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: 'internal' };
    try {
      return { ok: true, value: await handler(message.argument) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }) as never);
  return asked;
}

export async function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

export async function commit(input: HTMLInputElement) {
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

export async function press(input: HTMLElement, key: string) {
  input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  await settle();
}

/** The button whose text is `name` (as a person reads it). */
export function button(page: HTMLElement, name: string): HTMLButtonElement {
  const found = [...page.querySelectorAll('button')].find((element) => element.textContent === name);
  if (!found) throw new Error(`No button "${name}" in: ${page.textContent}`);
  return found;
}

/** The input whose label reads `name`. */
export function field(page: HTMLElement, name: string): HTMLInputElement {
  const label = [...page.querySelectorAll('label')].find((element) => element.textContent === name);
  const input = label && page.querySelector<HTMLInputElement>(`#${CSS.escape(label.htmlFor)}`);
  if (!input) throw new Error(`No field "${name}" in: ${page.textContent}`);
  return input;
}

export const rowOf = (page: HTMLElement, id: string) => page.querySelector<HTMLElement>(`#account-${id}`)!;
