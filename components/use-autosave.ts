import { useEffect, useMemo, useState } from 'preact/hooks';
import { describeActionError } from '@/components/action-error';
import { useStored } from '@/components/use-stored';
import { createUpdater } from '@/lib/platform/ordered-updates';
import type { StoredValue } from '@/lib/platform/storage';

/** How a control's last change went: stored, or why not. */
export type SaveState = { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; reason: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Settings that save themselves, one control at a time, as the user changes them. A change
 * shows at once and stays shown until storage holds it (or, if it could not be stored, the
 * control goes back and says why). Changes are stored in the order they were made, each
 * on top of the one before. `states` holds each control's outcome under its own key: the
 * latest "saved", and every reason not yet made good by a later save of that control.
 */
export function useAutosave<T extends object>(item: StoredValue<T>, fallback: T) {
  const stored = useStored(item, fallback);
  const update = useMemo(() => createUpdater(item), [item]);
  const [pending, setPending] = useState<Partial<T>>({});
  const [states, setStates] = useState<Record<string, SaveState>>({});

  // What storage now holds is no longer pending; a value still on its way stays shown.
  useEffect(() => {
    setPending((current) => {
      const left = Object.entries(current).filter(([field, value]) => !same(stored[field as keyof T], value));
      return left.length === Object.keys(current).length ? current : (Object.fromEntries(left) as Partial<T>);
    });
  }, [stored]);

  const report = (key: string, state: SaveState | null) =>
    setStates((current) => {
      // One "saved" at a time, the latest; reasons stay beside their controls.
      const kept = Object.entries(current).filter(([other, s]) => other !== key && s.kind !== 'saved');
      return Object.fromEntries(state ? [...kept, [key, state]] : kept);
    });

  const shown: T = { ...stored, ...pending };

  /**
   * Stores `change` applied to the field; `key` names the control that made it (the field by
   * default). Resolves whether it was stored.
   */
  async function save<K extends keyof T>(field: K, change: (value: T[K]) => T[K], key = String(field)) {
    setPending((current) => ({ ...current, [field]: change(shown[field]) }));
    try {
      await update((current) => ({ ...current, [field]: change(current[field]) }));
      report(key, { kind: 'saved' });
      return true;
    } catch (error) {
      setPending((current) => Object.fromEntries(Object.entries(current).filter(([f]) => f !== field)) as Partial<T>);
      report(key, { kind: 'failed', reason: describeActionError(error) });
      return false;
    }
  }

  return { shown, states, save, invalid: (key: string) => report(key, { kind: 'invalid' }) };
}
