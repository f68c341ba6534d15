import type { Tone } from '@/components/Notice';
import { t, type MessageKey } from '@/lib/platform/i18n';
import type { KeyProblem } from '@/lib/account/key-paste';
import type { AddAccountResult } from '@/lib/platform/messages';
import { planLabel } from '@/lib/account/plan';
import { counted } from '@/lib/display/plural';
import { describeFailureCause } from '@/lib/display/view';
import { MAX_ACCOUNTS } from '@/lib/account/accounts';
import { formatCount } from '@/lib/display/format';

export const KEY_PROBLEMS: Record<KeyProblem, MessageKey> = {
  empty: 'keyProblemEmpty',
  'missing-prefix': 'keyProblemMissingPrefix',
  'several-keys': 'keyProblemSeveralKeys',
  'wrong-length': 'keyProblemWrongLength',
  'not-hex': 'keyProblemNotHex',
  'hidden-characters': 'keyProblemHiddenCharacters',
};

export interface KeyMessage {
  tone: Tone;
  text: string;
  /** The key FluxImage could not confirm, offered to "Save anyway". */
  unverifiedKey?: string;
}

export interface SaveContext {
  /** The key that was sent. */
  key: string;
  /** The key the account holds afterwards (`null` for none, or for an add). */
  stored: string | null;
  /** The name of the account already holding the key, for `duplicate`. */
  holderName: string | null;
  locale: string;
}

/** What adding an account or replacing its key came to, in words. */
export function describeSave(outcome: AddAccountResult, { key, stored, holderName, locale }: SaveContext): KeyMessage {
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
    case 'duplicate':
      return { tone: 'error', text: t('accountDuplicate', holderName ?? '') };
    case 'gone':
      return { tone: 'warning', text: t('accountGone') };
    case 'full':
      return { tone: 'error', text: fullText(locale) };
  }
}

export const fullText = (locale: string) => t('accountsFull', formatCount(MAX_ACCOUNTS, locale));
