import { ActionFailed, classifyError, type ActionError } from '@/lib/platform/messages';
import { t, type MessageKey } from '@/lib/platform/i18n';

const REASONS: Record<ActionError, MessageKey> = {
  'storage-full': 'reasonStorageFull',
  storage: 'reasonStorage',
  'no-answer': 'reasonNoAnswer',
  internal: 'reasonInternal',
};

/** Why an action failed, for "Could not save: …". */
export function describeActionError(error: unknown): string {
  return t(REASONS[error instanceof ActionFailed ? error.reason : classifyError(error)]);
}
