import { useEffect, useState } from 'preact/hooks';
import { describeActionError } from '@/components/action-error';
import { SaveNote } from '@/components/SaveNote';
import type { SaveState } from '@/components/use-autosave';
import { useStored } from '@/components/use-stored';
import { ownName } from '@/lib/display/language-names';
import { t } from '@/lib/platform/i18n';
import { SHIPPED_LANGUAGES, languageItem, parseLanguage, type LanguageChoice } from '@/lib/platform/language';

// The page is drawn again from scratch in the language chosen (components/render-in-language.ts),
// so the note that says it was saved lives here, outside the section it is shown in.
let lastSave: SaveState | undefined;
const heard = new Set<(state: SaveState) => void>();
const reportSave = (state: SaveState) => {
  lastSave = state;
  for (const listener of heard) listener(state);
};

function useLastSave() {
  const [state, setState] = useState(lastSave);
  useEffect(() => {
    heard.add(setState);
    return () => void heard.delete(setState);
  }, []);
  return state;
}

/** The Language setting: the browser's language first, then each shipped language in its own name. */
export function LanguageSection() {
  const stored = useStored(languageItem, 'browser');
  const [pending, setPending] = useState<LanguageChoice | null>(null);
  const state = useLastSave();
  const choose = async (choice: LanguageChoice) => {
    setPending(choice);
    try {
      await languageItem.set(choice);
      reportSave({ kind: 'saved' });
    } catch (error) {
      reportSave({ kind: 'failed', reason: describeActionError(error) });
    }
    setPending(null);
  };
  return (
    <section class="language-settings" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('languageHeading')}</h2>
      <div class="controls">
        <div class="renewal-row">
          <label for="language">{t('languageLabel')}</label>
          <select
            id="language"
            name="language"
            value={pending ?? stored}
            aria-describedby="language-help"
            onChange={(event) => {
              const choice = parseLanguage(event.currentTarget.value);
              if (choice) void choose(choice);
            }}
          >
            <option value="browser">{t('languageBrowser')}</option>
            {SHIPPED_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code.replace('_', '-')}>
                {ownName(code)}
              </option>
            ))}
          </select>
          <SaveNote state={state} />
        </div>
        <p id="language-help" class="help">
          {t('languageHelp')}
        </p>
      </div>
    </section>
  );
}
