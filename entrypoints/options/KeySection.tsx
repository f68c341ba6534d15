import { useEffect, useState } from 'preact/hooks';
import { KeyField } from '@/components/KeyField';
import { Notice, type Tone } from '@/components/Notice';
import { describeActionError } from '@/components/action-error';
import { useStored } from '@/components/use-stored';
import { t, type MessageKey } from '@/lib/platform/i18n';
import { maskKey } from '@/lib/account/key';
import { parseKeyInput, type KeyProblem } from '@/lib/account/key-paste';
import { send, type SaveKeyResult } from '@/lib/platform/messages';
import { planLabel } from '@/lib/account/plan';
import { counted } from '@/lib/display/plural';
import { UPDATE_KEY_HASH } from '@/lib/account/config';
import { rejectsKey } from '@/lib/polling/failures';
import { isFailure } from '@/lib/polling/status';
import { pollStatusItem } from '@/lib/polling/status';
import { apiKeyItem } from '@/lib/account/key';
import { describeFailureCause } from '@/lib/display/view';

const KEY_PROBLEMS: Record<KeyProblem, MessageKey> = {
  empty: 'keyProblemEmpty',
  'missing-prefix': 'keyProblemMissingPrefix',
  'several-keys': 'keyProblemSeveralKeys',
  'wrong-length': 'keyProblemWrongLength',
  'not-hex': 'keyProblemNotHex',
  'hidden-characters': 'keyProblemHiddenCharacters',
};

interface Message {
  tone: Tone;
  text: string;
  /** The key FluxImage could not confirm, offered to "Save anyway". */
  unverifiedKey?: string;
}

/** What a save came to, in words; `stored` is the key in storage afterwards. */
function describeSave(outcome: SaveKeyResult, key: string, stored: string | null, locale: string): Message {
  switch (outcome.result) {
    case 'connected':
      return {
        tone: 'success',
        text: counted(t, locale, 'connected', outcome.usage.remainingCredits, planLabel(outcome.usage.plan, t)),
      };
    case 'rejected':
      return { tone: 'error', text: t('keyRejected') };
    case 'unverified':
      return outcome.saved
        ? { tone: 'warning', text: t('savedUnverified', describeFailureCause(outcome.kind, t)) }
        : { tone: 'warning', text: t('notSavedUnverified', describeFailureCause(outcome.kind, t)), unverifiedKey: key };
    case 'superseded':
      if (stored === key) return { tone: 'info', text: t('supersededSameKey') };
      return { tone: 'warning', text: t(stored === null ? 'supersededRemoved' : 'supersededOtherKey') };
  }
}

export function KeySection({ locale }: { locale: string }) {
  const savedKey = useStored(apiKeyItem, null);
  const status = useStored(pollStatusItem, null);
  const keyRejected = savedKey !== null && isFailure(status) && rejectsKey(status.kind);
  const { draft, setDraft, busy, message, save, saveAnyway, remove } = useKeyActions(locale);
  useFocusOnUpdateKey();
  return (
    <section aria-labelledby="key-heading">
      <h2 id="key-heading">{t('accountHeading')}</h2>
      {keyRejected && (
        <Notice tone="error" id="key-rejected">
          {t('savedKeyRejected')}
        </Notice>
      )}
      <form onSubmit={save} noValidate>
        <KeyField
          value={draft}
          onInput={setDraft}
          describedBy={keyRejected ? 'key-rejected api-key-help' : 'api-key-help'}
          invalid={message?.tone === 'error'}
        />
        <p id="api-key-help" class="help">
          {t('apiKeyHelp')}
        </p>
        {savedKey && <p class="saved-key">{t('savedKey', maskKey(savedKey))}</p>}
        <div class="row">
          <button type="submit" class="primary" aria-busy={busy} disabled={busy}>
            {t('save')}
          </button>
          {savedKey && (
            <button type="button" class="secondary" onClick={remove} disabled={busy}>
              {t('removeKey')}
            </button>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
        {message?.unverifiedKey && !busy && (
          <button type="button" class="secondary" onClick={saveAnyway}>
            {t('saveAnyway')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The key field's draft and the Save, Save anyway and Remove actions, one at a time. */
function useKeyActions(locale: string) {
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  /** Runs one key action at a time: Save and Remove are disabled until it is over. */
  const act = async (working: string, action: () => Promise<Message>, failed: MessageKey) => {
    setBusy(true);
    setMessage({ tone: 'info', text: working });
    try {
      setMessage(await action());
    } catch (error) {
      setMessage({ tone: 'error', text: t(failed, describeActionError(error)) });
    } finally {
      setBusy(false);
    }
  };

  const saveKey = (key: string, force: boolean) =>
    act(
      t('checkingKey'),
      async () => {
        const outcome = await send('saveKey', { key, force });
        // The full key is never shown again once it is stored; only its masked form.
        if (outcome.result === 'connected' || (outcome.result === 'unverified' && outcome.saved)) setDraft('');
        return describeSave(outcome, key, await apiKeyItem.get(), locale);
      },
      'saveFailed',
    );

  const save = (event: Event) => {
    event.preventDefault();
    const parsed = parseKeyInput(draft);
    if (!parsed.ok) {
      setMessage({ tone: 'error', text: t(KEY_PROBLEMS[parsed.problem]) });
      return;
    }
    void saveKey(parsed.key, false);
  };

  const saveAnyway = () => message?.unverifiedKey && void saveKey(message.unverifiedKey, true);

  const remove = () =>
    act(
      t('removingKey'),
      async () => {
        await send('removeKey');
        setDraft('');
        return { tone: 'info', text: t('keyRemoved') };
      },
      'removeFailed',
    );

  return { draft, setDraft, busy, message, save, saveAnyway, remove };
}

/** Opened as `options.html#update-key` (the popup's "Update your key"): the key field takes the focus. */
function useFocusOnUpdateKey() {
  useEffect(() => {
    const focus = () => {
      if (location.hash === UPDATE_KEY_HASH) document.getElementById('api-key')?.focus();
    };
    focus();
    addEventListener('hashchange', focus);
    return () => removeEventListener('hashchange', focus);
  }, []);
}
