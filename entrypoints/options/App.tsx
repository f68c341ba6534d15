import { ErrorBoundary } from '@/components/ErrorBoundary';
import { KeySection } from './KeySection';
import { AlertSection } from './AlertSection';
import { t } from '@/lib/i18n';

export function App({ locale }: { locale: string }) {
  return (
    <>
      <h1>
        <img src="/icon/32.png" width={32} height={32} alt="" />
        {t('optionsTitle')}
      </h1>
      <ErrorBoundary>
        <KeySection locale={locale} />
      </ErrorBoundary>
      <ErrorBoundary>
        <AlertSection locale={locale} />
      </ErrorBoundary>
    </>
  );
}
