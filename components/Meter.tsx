interface MeterProps {
  label: string;
  value: number;
  max: number;
  /** What a screen reader says instead of a bare percentage. */
  valueText: string;
  tone?: 'normal' | 'low' | 'empty';
}

/** A labelled bar of how much of an allowance is used. */
export function Meter({ label, value, max, valueText, tone = 'normal' }: MeterProps) {
  const fraction = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      class={`meter meter-${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
      aria-valuetext={valueText}
    >
      <div class="meter-fill" style={{ width: `${fraction * 100}%` }} />
    </div>
  );
}
