import { useState } from 'preact/hooks';
import { describeActionError } from '@/components/action-error';
import { parseKeyInput } from '@/lib/account/key-paste';
import { t } from '@/lib/platform/i18n';
import { KEY_PROBLEMS, type KeyMessage } from './key-words';

/** What a check of a key came to: its words, and whether the key is now stored (the draft is then cleared). */
export interface KeyCheck {
  message: KeyMessage;
  stored: boolean;
}

/**
 * A key field's draft and its Save and Save anyway, one check at a time: the buttons are
 * disabled until the answer is in, and what it came to is said in words.
 */
export function useKeyCheck(check: (key: string, force: boolean) => Promise<KeyCheck>) {
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<KeyMessage | null>(null);

  const run = async (key: string, force: boolean) => {
    setBusy(true);
    setMessage({ tone: 'info', text: t('checkingKey') });
    try {
      const outcome = await check(key, force);
      // The full key is never shown again once it is stored; only its masked form.
      if (outcome.stored) setDraft('');
      setMessage(outcome.message);
    } catch (error) {
      setMessage({ tone: 'error', text: t('saveFailed', describeActionError(error)) });
    } finally {
      setBusy(false);
    }
  };

  const save = (event: Event) => {
    event.preventDefault();
    const parsed = parseKeyInput(draft);
    if (!parsed.ok) {
      setMessage({ tone: 'error', text: t(KEY_PROBLEMS[parsed.problem]) });
      return;
    }
    void run(parsed.key, false);
  };

  const saveAnyway = () => message?.unverifiedKey && void run(message.unverifiedKey, true);

  return { draft, setDraft, busy, message, setMessage, save, saveAnyway };
}
