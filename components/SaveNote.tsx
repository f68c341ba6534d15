import { t } from '@/lib/platform/i18n';
import type { SaveState } from './use-autosave';

/**
 * Beside a control that saves itself: "Saved" once its change is stored, or why it was not
 * (`invalid` says what the field accepts). The note is always in the page, a polite live
 * region, so screen readers hear it change; a problem is a new alert.
 */
export function SaveNote({ state, invalid, id }: { state: SaveState | undefined; invalid?: string; id?: string }) {
  const problem =
    state?.kind === 'failed' ? t('saveFailed', state.reason) : state?.kind === 'invalid' ? (invalid ?? '') : null;
  return problem ? (
    <span key="problem" id={id} class="save-note save-note-problem" role="alert">
      {problem}
    </span>
  ) : (
    <span key="status" id={id} class="save-note" aria-live="polite">
      {state?.kind === 'saved' ? t('saved') : ''}
    </span>
  );
}
