import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { describeActionError } from '@/components/action-error';
import { useStored } from '@/components/use-stored';
import { cleanAccountName, defaultAccountName, type Account } from '@/lib/account/accounts';
import { maskKey } from '@/lib/account/key';
import { planLabel } from '@/lib/account/plan';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/alerts/settings';
import { counted } from '@/lib/display/plural';
import { toView } from '@/lib/display/view';
import { EMPTY_HISTORY, type UsageHistory } from '@/lib/history/points';
import { t } from '@/lib/platform/i18n';
import { send } from '@/lib/platform/messages';
import { accountItems } from '@/lib/polling/store';
import { describeAccountState } from './account-state';
import { ReplaceKey } from './ReplaceKey';

export const rowId = (account: string) => `account-${account}`;

type Tools = (typeof import('./AccountTools'))['AccountTools'];
let toolsModule: Promise<{ render: Tools }> | null = null;
/** The tools' code, asked for once for every row. */
const loadTools = () => (toolsModule ??= import('./AccountTools').then((module) => ({ render: module.AccountTools })));

/** An account's renewal day and the link to its usage page, drawn once their code has loaded. */
function LaterTools(props: { account: string; name: string; history: UsageHistory; locale: string }) {
  const [tools, setTools] = useState<{ render: Tools } | 'failed' | null>(null);
  useEffect(() => {
    loadTools().then(setTools, () => {
      toolsModule = null;
      setTools('failed');
    });
  }, []);
  if (tools === 'failed') return <p role="alert">{t('sectionFailed')}</p>;
  return tools ? <tools.render {...props} /> : <div class="loading-section" aria-busy="true" />;
}

interface AccountRowProps {
  account: Account;
  locale: string;
  /** While its Replace key form is open: how many times its field was asked for (each focuses it); else `null`. */
  replaceTurn: number | null;
  onReplace: (open: boolean) => void;
  onRemoved: (name: string) => void;
  /** A key was being replaced when the account was removed elsewhere: what the section says instead of the row. */
  onGone: (text: string) => void;
}

/** One account: its name (renamed in place), plan, credits and state, and what can be done with it. */
export function AccountRow({ account, locale, replaceTurn, onReplace, onRemoved, onGone }: AccountRowProps) {
  const items = accountItems(account.id);
  const key = useStored(items.apiKey, null);
  const snapshot = useStored(items.snapshot, null);
  const status = useStored(items.status, null);
  const history = useStored(items.history, EMPTY_HISTORY);
  const settings = useStored(settingsItem, DEFAULT_SETTINGS);
  const view = toView({ hasKey: key !== null, snapshot, status, settings });
  const fallbackName = defaultAccountName(snapshot?.usage.plan ?? null, key, t);
  const name = account.name ?? fallbackName;
  const state = describeAccountState(view, locale);
  const id = rowId(account.id);
  // While FluxImage rejects the key, the row's notice says why: the new key's field is described by it.
  const reasonId = view.kind === 'rejected' ? `${id}-state` : undefined;
  return (
    <li id={id} class="account" tabIndex={-1} aria-labelledby={`${id}-name`}>
      <AccountName account={account.id} name={name} fallbackName={fallbackName} headingId={`${id}-name`} />
      {key && <p class="saved-key">{t('savedKey', maskKey(key))}</p>}
      {snapshot && (
        <p class="account-numbers">
          {counted(t, locale, 'accountCredits', snapshot.usage.remainingCredits, planLabel(snapshot.usage.plan, t))}
        </p>
      )}
      {state.problem ? (
        <Notice tone="error" id={`${id}-state`}>
          {state.text}
        </Notice>
      ) : (
        // Not a live region: it changes with every check, and would be read out each time.
        <p class="account-state">{state.text}</p>
      )}
      {replaceTurn !== null ? (
        <ReplaceKey
          account={account.id}
          name={name}
          locale={locale}
          reasonId={reasonId}
          focusTurn={replaceTurn}
          onClose={() => onReplace(false)}
          onGone={onGone}
        />
      ) : (
        <RowActions account={account.id} name={name} onReplace={() => onReplace(true)} onRemoved={onRemoved} />
      )}
      <LaterTools account={account.id} name={name} history={history} locale={locale} />
    </li>
  );
}

interface NameProps {
  account: string;
  name: string;
  fallbackName: string;
  headingId: string;
}

/** The account's heading, and its Rename: a field where Enter (or Save name) saves and Escape cancels. */
function AccountName({ account, name, fallbackName, headingId }: NameProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const editing = draft !== null;
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing) field.current?.focus();
    else if (wasEditing.current) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (draft === null) return;
    const cleaned = cleanAccountName(draft);
    setBusy(true);
    try {
      await send('renameAccount', { account, name: cleaned });
      setDraft(null);
      setNote({ tone: 'success', text: t('nameSaved', cleaned ?? fallbackName) });
    } catch (error) {
      setNote({ tone: 'error', text: t('renameFailed', describeActionError(error)) });
    } finally {
      setBusy(false);
    }
  };
  const fieldId = `${headingId}-field`;
  return (
    <div class="account-name">
      <h3 id={headingId}>{name}</h3>
      {editing ? (
        <form class="rename" onSubmit={save} noValidate>
          <label for={fieldId}>{t('accountNameField')}</label>
          <input
            ref={field}
            id={fieldId}
            value={draft}
            maxLength={80}
            aria-describedby={`${fieldId}-help`}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setDraft(null);
              }
            }}
          />
          <div class="row">
            <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
              {t('saveName')}
            </button>
            <button type="button" class="secondary" onClick={() => setDraft(null)}>
              {t('cancel')}
            </button>
          </div>
          <p id={`${fieldId}-help`} class="help">
            {t('renameHelp', fallbackName)}
          </p>
        </form>
      ) : (
        <button
          ref={renameButton}
          type="button"
          class="secondary"
          aria-describedby={headingId}
          onClick={() => {
            setNote(null);
            setDraft(name === fallbackName ? '' : name);
          }}
        >
          {t('renameAccount')}
        </button>
      )}
      <div aria-live="polite">{note && <Notice tone={note.tone}>{note.text}</Notice>}</div>
    </div>
  );
}

interface ActionsProps {
  account: string;
  name: string;
  onReplace: () => void;
  onRemoved: (name: string) => void;
}

/** Replace key, and Remove once confirmed: the row says it is gone only once it is. */
function RowActions({ account, name, onReplace, onRemoved }: ActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await send('removeAccount', { account });
      onRemoved(name);
    } catch (error) {
      setFailure(t('removeAccountFailed', name, describeActionError(error)));
      setBusy(false);
    }
  };
  return (
    <>
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby={`${rowId(account)}-confirm`}>
          <p id={`${rowId(account)}-confirm`}>{t('removeAccountConfirm', name)}</p>
          <div class="row">
            <button type="button" class="primary" onClick={remove} disabled={busy} aria-busy={busy}>
              {t('removeAccountYes', name)}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)} disabled={busy}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="row">
          <button type="button" class="secondary" onClick={onReplace} aria-describedby={`${rowId(account)}-name`}>
            {t('replaceKey')}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => setConfirming(true)}
            aria-describedby={`${rowId(account)}-name`}
          >
            {t('removeAccount')}
          </button>
        </div>
      )}
      <div aria-live="polite">
        {busy && <Notice tone="info">{t('removingAccount', name)}</Notice>}
        {failure && <Notice tone="error">{failure}</Notice>}
      </div>
    </>
  );
}
