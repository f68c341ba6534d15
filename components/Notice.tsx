import type { ComponentChildren } from 'preact';

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** A sentence about what just happened; read out politely by screen readers. */
export function Notice({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return (
    <p class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
