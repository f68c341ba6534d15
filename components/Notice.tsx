import type { ComponentChildren } from 'preact';

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** A sentence about what just happened; read out politely by screen readers. */
export function Notice({ tone, id, children }: { tone: Tone; id?: string; children: ComponentChildren }) {
  return (
    <p id={id} class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
