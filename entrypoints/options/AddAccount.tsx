import { useState } from 'preact/hooks';
import { KeyField } from '@/components/KeyField';
import { Notice } from '@/components/Notice';
import { ACCOUNT_NAME_MAX, MAX_ACCOUNTS, cleanAccountName } from '@/lib/account/accounts';
import { apiKeyItems } from '@/lib/account/key';
import { t } from '@/lib/platform/i18n';
import { send } from '@/lib/platform/messages';
import { accountsItem } from '@/lib/account/accounts';
import { readAccountName } from './accounts-data';
import { describeSave, fullText } from './key-words';
import { useKeyCheck } from './use-key-check';

/** The account already holding `key` now, if any (after a save another window made). */
async function holderOf(key: string): Promise<string | null> {
  const accounts = await accountsItem.get();
  const keys = await Promise.all(accounts.map(({ id }) => apiKeyItems(id).get()));
  return keys.includes(key) ? key : null;
}

/**
 * A pasted key, checked with FluxImage once before it is kept as a new account. With no
 * account yet it is the first-run form (the "API key" field and Save); with `MAX_ACCOUNTS`
 * it says why nothing more can be added.
 */
export function AddAccount({ count, locale }: { count: number; locale: string }) {
  const [name, setName] = useState('');
  const { draft, setDraft, busy, message, save, saveAnyway } = useKeyCheck(async (key, force) => {
    const outcome = await send('addAccount', { key, force, name: cleanAccountName(name) });
    const holderName = outcome.result === 'duplicate' ? await readAccountName(outcome.account) : null;
    const added = outcome.result === 'connected' || (outcome.result === 'unverified' && outcome.saved);
    if (added) setName('');
    const stored = outcome.result === 'superseded' ? await holderOf(key) : null;
    return { message: describeSave(outcome, { key, stored, holderName, locale }), stored: added };
  });
  const first = count === 0;
  const full = count >= MAX_ACCOUNTS;
  return (
    <div class="add-account">
      {!first && <h3 id="add-account-heading">{t('addAccountHeading')}</h3>}
      {full ? (
        <p class="help">{fullText(locale)}</p>
      ) : (
        <form onSubmit={save} noValidate aria-labelledby={first ? undefined : 'add-account-heading'}>
          <KeyField value={draft} onInput={setDraft} describedBy="api-key-help" invalid={message?.tone === 'error'} />
          <p id="api-key-help" class="help">
            {t('apiKeyHelp')}
          </p>
          <label for="account-name">{t('newAccountName')}</label>
          <input
            id="account-name"
            name="account-name"
            value={name}
            maxLength={ACCOUNT_NAME_MAX * 2}
            aria-describedby="account-name-help"
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <p id="account-name-help" class="help">
            {t('newAccountNameHelp')}
          </p>
          <div class="row">
            <button type="submit" class="primary" aria-busy={busy} disabled={busy}>
              {first ? t('save') : t('addAccount')}
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
        {message?.unverifiedKey && !busy && !full && (
          <button type="button" class="secondary" onClick={saveAnyway}>
            {t('saveAnyway')}
          </button>
        )}
      </div>
    </div>
  );
}
