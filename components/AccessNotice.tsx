import { useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { describeActionError } from '@/components/action-error';
import { useStored } from '@/components/use-stored';
import { requestApiAccess } from '@/lib/platform/browser-edges';
import { waitsForAccess } from '@/lib/polling/failures';
import { t } from '@/lib/platform/i18n';
import { FIRST_ACCOUNT } from '@/lib/account/account-id';
import { isFailure, pollStatusItems } from '@/lib/polling/status';
import { describeFailureCause } from '@/lib/display/view';

interface Answer {
  granted: boolean;
  text: string;
  /** The access-off check the answer was about; a later revocation asks again. */
  about: number | null;
}

/**
 * "Access to fluximage.app is off", with a button that asks the browser for it again.
 * Shown by the popup and the options page whenever the last check (of `account`) found no access.
 */
export function AccessNotice({ account = FIRST_ACCOUNT }: { account?: string }) {
  const status = useStored(pollStatusItems(account), null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const off = isFailure(status) && waitsForAccess(status.kind);
  const about = off ? status.checkedAt : null;

  const allow = () => {
    // Called straight from the click: browsers grant permissions only during a user gesture.
    requestApiAccess().then(
      (granted) => setAnswer({ granted, text: t(granted ? 'accessAllowed' : 'accessNotAllowed'), about }),
      (error: unknown) =>
        setAnswer({ granted: false, text: t('accessRequestFailed', describeActionError(error)), about }),
    );
  };

  if (answer?.granted && (!off || answer.about === about)) return <Notice tone="success">{answer.text}</Notice>;
  if (!off) return null;
  return (
    <div class="access-notice" aria-live="polite">
      <Notice tone="warning">
        {describeFailureCause(status.kind, t)} {t('accessOffHelp')}
      </Notice>
      <button type="button" class="primary" onClick={allow}>
        {t('allowAccess')}
      </button>
      {answer && answer.about === about && <Notice tone="error">{answer.text}</Notice>}
    </div>
  );
}
