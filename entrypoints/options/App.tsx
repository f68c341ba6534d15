import { ErrorBoundary } from '@/components/ErrorBoundary';
import { useEffect, useState } from 'preact/hooks';
import { AccessNotice } from '@/components/AccessNotice';
import { AccountsSection } from './AccountsSection';
import { AlertSection } from './AlertSection';
import { LanguageSection } from './LanguageSection';
import { t } from '@/lib/platform/i18n';

type InsightsSettingsSection = (typeof import('./InsightsSettings'))['InsightsSettings'];

/**
 * The notifications, badge and interval section is loaded after the page is
 * usable: it is most of the page's code and none of what a first visit needs.
 */
function LaterSections({ locale }: { locale: string }) {
  const [Section, setSection] = useState<{ render: InsightsSettingsSection } | 'failed' | null>(null);
  useEffect(() => {
    import('./InsightsSettings').then(
      (module) => setSection({ render: module.InsightsSettings }),
      () => setSection('failed'),
    );
  }, []);
  if (Section === 'failed') return <p role="alert">{t('sectionFailed')}</p>;
  return Section ? <Section.render locale={locale} /> : <section class="loading-section" aria-busy="true" />;
}

export function App({ locale }: { locale: string }) {
  return (
    <>
      <h1>
        <img src="/icon/32.png" width={32} height={32} alt="" />
        {t('optionsTitle')}
      </h1>
      <AccessNotice />
      <ErrorBoundary>
        <AccountsSection locale={locale} />
      </ErrorBoundary>
      <ErrorBoundary>
        <AlertSection locale={locale} />
      </ErrorBoundary>
      <ErrorBoundary>
        <LaterSections locale={locale} />
      </ErrorBoundary>
      <ErrorBoundary>
        <LanguageSection />
      </ErrorBoundary>
    </>
  );
}
