import { useEffect, useState } from 'preact/hooks';
import { InsightsPanel } from '@/components/InsightsPanel';
import { Notice } from '@/components/Notice';
import { t } from '@/lib/platform/i18n';
import { CompressionsNotice } from './CompressionsNotice';
import type { ForecastProps } from './Forecast';

type ForecastModule = typeof import('./Forecast');

/**
 * The forecast block's code (its words, dates and stored facts) is loaded after the numbers
 * are painted: none of it may delay them. Meanwhile the block holds its place, empty and busy.
 */
export function ForecastSlot(props: ForecastProps) {
  const [loaded, setLoaded] = useState<{ module: ForecastModule } | 'failed' | null>(null);
  useEffect(() => {
    import('./Forecast').then(
      (module) => setLoaded({ module }),
      () => setLoaded('failed'),
    );
  }, []);
  if (loaded === 'failed') return <Notice tone="error">{t('partFailed')}</Notice>;
  if (loaded) return <loaded.module.Forecast {...props} />;
  return (
    <>
      {props.compressionsUsedUp && <CompressionsNotice resetAt={null} locale={props.locale} />}
      <InsightsPanel words={undefined} onOpenSettings={props.onOpenSettings} />
    </>
  );
}
