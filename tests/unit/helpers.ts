import { createTranslator } from '@/lib/platform/i18n';
import type { Usage, UsageResponse } from '@/lib/account/usage';
import english from '../../public/_locales/en/messages.json';

export const en = createTranslator(english);

export { KEY, OTHER_KEY } from '../support/keys';

/** The sample from FluxImage's published page. */
export const SAMPLE_RESPONSE: UsageResponse = {
  plan: 'pro',
  compressor_used: 45,
  compressor_limit: 99999,
  ia_credits_used: 120,
  ia_credits_monthly: 1000,
  ia_topup_credits: 200,
  ia_credits_remaining: 1080,
  canCompress: true,
  canUseIA: true,
  topups: { small: '...', medium: '...', large: '...' },
};

export function usage(changes: Partial<Usage> = {}): Usage {
  return {
    plan: 'pro',
    compressionsUsed: 45,
    compressionsLimit: 99999,
    creditsUsed: 120,
    creditsMonthly: 1000,
    topupCredits: 200,
    remainingCredits: 1080,
    canCompress: true,
    canUseAi: true,
    topups: {},
    ...changes,
  };
}
