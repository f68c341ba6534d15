import { Component, type ComponentChildren } from 'preact';
import { Notice } from './Notice';
import { t } from '@/lib/platform/i18n';

interface Props {
  children: ComponentChildren;
  /** When this changes (new numbers, say), the part is drawn again. */
  resetKey?: unknown;
}

/**
 * Keeps one part of a page from blanking the whole page: if drawing it throws,
 * that part says so and everything around it (Refresh, Settings, the key field)
 * keeps working.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <Notice tone="error">{t('partFailed')}</Notice> : this.props.children;
  }
}
