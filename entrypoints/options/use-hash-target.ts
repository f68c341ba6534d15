import { useEffect, useRef, useState } from 'preact/hooks';
import { readOptionsHash } from '@/lib/account/options-hash';
import { rowId } from './AccountRow';

/**
 * Acts on the hash the page was opened with, and on each new one while it is open
 * (lib/account/options-hash.ts): an account's row is scrolled to and focused, or its
 * Replace key form opened (`openReplace`, which also focuses its field). With no account
 * yet, `#update-key` focuses the first-run key field. Each hash is acted on once, when
 * the account it names is in the page.
 */
export function useHashTarget(ids: readonly string[], openReplace: (account: string) => void): void {
  // Each hash heard is a new ask, even one equal to the last (two changes heard as one).
  const [asked, setAsked] = useState(() => ({ hash: location.hash, turn: 0 }));
  const handled = useRef<number | null>(null);
  useEffect(() => {
    const heard = () => setAsked((last) => ({ hash: location.hash, turn: last.turn + 1 }));
    addEventListener('hashchange', heard);
    return () => removeEventListener('hashchange', heard);
  }, []);
  const known = ids.join(' ');
  useEffect(() => {
    if (handled.current === asked.turn) return;
    const target = readOptionsHash(asked.hash);
    if (!target) return;
    if (target.account === 'first' && ids.length === 0) {
      handled.current = asked.turn;
      document.getElementById('api-key')?.focus();
      return;
    }
    const account = target.account === 'first' ? ids[0]! : target.account;
    if (!ids.includes(account)) return;
    handled.current = asked.turn;
    if (target.replace) openReplace(account);
    else {
      const row = document.getElementById(rowId(account));
      row?.scrollIntoView({ block: 'start' });
      row?.focus();
    }
    // `ids` is read through `known`, its contents.
  }, [asked, known]);
}
