import { useEffect } from 'preact/hooks';
import { KeyField } from '@/components/KeyField';
import { Notice } from '@/components/Notice';
import { apiKeyItems } from '@/lib/account/key';
import { t } from '@/lib/platform/i18n';
import { send } from '@/lib/platform/messages';
import { readAccountName } from './accounts-data';
import { describeSave } from './key-words';
import { useKeyCheck } from './use-key-check';

interface ReplaceKeyProps {
  account: string;
  name: string;
  locale: string;
  /** The id of the words saying why the key was rejected, which describe the field first. */
  reasonId: string | undefined;
  /** The field is focused when the form opens and each time this changes (asked for again). */
  focusTurn: number;
  onClose: () => void;
  /** The account was removed (in another window) while its new key was checked: its row, and this form, are going. */
  onGone: (text: string) => void;
}

/** The key form for one account: the new key is checked with FluxImage before it replaces the old one. */
export function ReplaceKey({ account, name, locale, reasonId, focusTurn, onClose, onGone }: ReplaceKeyProps) {
  const fieldId = `api-key-${account}`;
  const { draft, setDraft, busy, message, save, saveAnyway } = useKeyCheck(async (key, force) => {
    const outcome = await send('saveKey', { account, key, force });
    const holderName = outcome.result === 'duplicate' ? await readAccountName(outcome.account) : null;
    const stored = await apiKeyItems(account).get();
    const message = describeSave(outcome, { key, stored, holderName, locale });
    if (outcome.result === 'gone') onGone(message.text);
    return {
      message,
      stored: outcome.result === 'connected' || (outcome.result === 'unverified' && outcome.saved),
    };
  });
  useEffect(() => document.getElementById(fieldId)?.focus(), [fieldId, focusTurn]);
  return (
    <div class="replace-key">
      <form onSubmit={save} noValidate>
        <KeyField
          id={fieldId}
          label={t('replaceKeyLabel', name)}
          value={draft}
          onInput={setDraft}
          describedBy={reasonId ? `${reasonId} ${fieldId}-help` : `${fieldId}-help`}
          invalid={message?.tone === 'error'}
        />
        <p id={`${fieldId}-help`} class="help">
          {t('apiKeyHelp')}
        </p>
        <div class="row">
          <button type="submit" class="primary" aria-busy={busy} disabled={busy}>
            {t('saveNewKey')}
          </button>
          <button type="button" class="secondary" onClick={onClose} disabled={busy}>
            {t('cancel')}
          </button>
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
    </div>
  );
}
