import { useState } from 'preact/hooks';
import { t } from '@/lib/platform/i18n';

interface KeyFieldProps {
  value: string;
  onInput: (value: string) => void;
  describedBy: string;
  invalid: boolean;
  /** The input's id; the first-run field keeps `api-key`, which `#update-key` focuses while there is no account. */
  id?: string;
  /** Its label; "API key" unless the field replaces one account's key. */
  label?: string;
}

/** The API key input: hidden like a password unless the user asks to see it. */
export function KeyField({ value, onInput, describedBy, invalid, id = 'api-key', label }: KeyFieldProps) {
  const [visible, setVisible] = useState(false);
  return (
    <div class="key-field">
      <label for={id}>{label ?? t('apiKeyLabel')}</label>
      <div class="key-row">
        <input
          id={id}
          name={id}
          type={visible ? 'text' : 'password'}
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
        <button type="button" class="secondary" onClick={() => setVisible(!visible)}>
          {visible ? t('hideKey') : t('showKey')}
        </button>
      </div>
    </div>
  );
}
