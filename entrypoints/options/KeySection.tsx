import { useState } from 'preact/hooks';
import { KeyField } from '@/components/KeyField';
import { Notice, type Tone } from '@/components/Notice';
import { useStored } from '@/components/use-stored';
import { formatCount } from '@/lib/format';
import { t, type MessageKey } from '@/lib/i18n';
import { maskKey } from '@/lib/key';
import { parseKeyInput, type KeyProblem } from '@/lib/key-paste';
import { sendMessage, type SaveKeyResult } from '@/lib/messages';
import { planLabel } from '@/lib/plan';
import { apiKeyItem } from '@/lib/storage';
import { describeFailureCause } from '@/lib/view';

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
}

function describeSave(outcome: SaveKeyResult, locale: string): Message {
  switch (outcome.result) {
    case 'connected':
      return {
        tone: 'success',
        text: t('connected', planLabel(outcome.usage.plan, t), formatCount(outcome.usage.remainingCredits, locale)),
      };
    case 'rejected':
      return { tone: 'error', text: t('keyRejected') };
    case 'unverified':
      return { tone: 'warning', text: t('savedUnverified', describeFailureCause(outcome.kind, t)) };
  }
}

export function KeySection({ locale }: { locale: string }) {
  const savedKey = useStored(apiKeyItem, null);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = parseKeyInput(draft);
    if (!parsed.ok) {
      setMessage({ tone: 'error', text: t(KEY_PROBLEMS[parsed.problem]) });
      return;
    }
    setBusy(true);
    setMessage({ tone: 'info', text: t('checkingKey') });
    try {
      const outcome = await sendMessage({ type: 'save-key', key: parsed.key });
      setMessage(describeSave(outcome, locale));
      // The full key is never shown again once it is stored; only its masked form.
      if (outcome.result !== 'rejected') setDraft('');
    } catch {
      setMessage({ tone: 'error', text: t('causeInternal') });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    await sendMessage({ type: 'remove-key' });
    setDraft('');
    setMessage({ tone: 'info', text: t('keyRemoved') });
  };

  return (
    <section aria-labelledby="key-heading">
      <h2 id="key-heading">{t('accountHeading')}</h2>
      <form onSubmit={save} noValidate>
        <KeyField value={draft} onInput={setDraft} describedBy="api-key-help" invalid={message?.tone === 'error'} />
        <p id="api-key-help" class="help">
          {t('apiKeyHelp')}
        </p>
        {savedKey && <p class="saved-key">{t('savedKey', maskKey(savedKey))}</p>}
        <div class="row">
          <button type="submit" class="primary" aria-busy={busy}>
            {busy ? t('checkingKey') : t('save')}
          </button>
          {savedKey && (
            <button type="button" class="secondary" onClick={remove}>
              {t('removeKey')}
            </button>
          )}
        </div>
      </form>
      <div aria-live="polite">{message && <Notice tone={message.tone}>{message.text}</Notice>}</div>
    </section>
  );
}
