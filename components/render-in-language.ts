import { render, type VNode } from 'preact';
import type { FirstRead } from '@/lib/platform/first-read';
import { t, uiLanguage, type MessageKey } from '@/lib/platform/i18n';
import { languageItem, showChosen, type LanguageChoice } from '@/lib/platform/language';

/** The Language setting as the page's first read holds it, or read now when it was written since. */
async function firstChoice(read: FirstRead): Promise<LanguageChoice> {
  const inRead = read.written.has(languageItem.storageKeys[0]!) ? null : languageItem.readFrom(read.stored);
  return inRead ? inRead.value : languageItem.get();
}

/**
 * Renders a page in the chosen language (its messages loaded first, so the first frame has its
 * words), with `lang`, `dir` and the locale of every number and date following them; and again,
 * from scratch, whenever the setting changes, so no word of the old language stays in state.
 */
export async function renderInLanguage(
  read: FirstRead,
  root: HTMLElement,
  draw: (locale: string) => VNode,
  title?: MessageKey,
): Promise<void> {
  const paint = () => {
    const { locale, dir } = uiLanguage();
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    if (title) document.title = t(title);
    render(null, root);
    render(draw(locale), root);
  };
  let latest = await firstChoice(read);
  languageItem.watch((choice) => {
    if (choice === latest) return;
    latest = choice;
    void showChosen(choice).then(() => choice === latest && paint());
  });
  await showChosen(latest);
  paint();
}
