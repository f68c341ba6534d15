/** Chinese is offered by its script, as its readers look for it ("简体中文"), not by a country. */
const NAMED_AS: Record<string, string> = { 'zh-CN': 'zh-Hans', 'zh-TW': 'zh-Hant' };

/**
 * A language in its own name, as someone who reads it looks for it in a list: "Deutsch",
 * "Español", "العربية", whatever language the page is in. `code` is a `_locales` folder name.
 */
export function ownName(code: string): string {
  const tag = code.replace(/_/g, '-');
  const named = NAMED_AS[tag] ?? tag;
  const name = new Intl.DisplayNames([named], { type: 'language' }).of(named) ?? tag;
  return name.charAt(0).toLocaleUpperCase(named) + name.slice(1);
}
