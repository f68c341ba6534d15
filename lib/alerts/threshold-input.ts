// Reading the options page's threshold field. Kept apart from `settings.ts`, which every
// page and the worker load, since only the options page needs it.

export type ThresholdInput = { ok: true; threshold: number | null } | { ok: false };

// Spaces of every width are one separator, and so are the two apostrophes.
const normaliseSeparators = (text: string) => text.replace(/[\s\u00a0\u202f]/g, ' ').replace(/\u2019/g, "'");

/** The separator the locale puts between groups of thousands, as a person types it. */
function groupSeparator(locale: string): string {
  const group = new Intl.NumberFormat(locale).formatToParts(1_234_567).find((part) => part.type === 'group');
  return normaliseSeparators(group?.value ?? ',');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the options field accepts: empty for the default, or a whole number ≥ 1,
 * as plain digits or grouped in thousands the way the page's locale writes them
 * (spaces are always a group separator). "1.000" is 1000 in Spanish and a
 * decimal, so not a whole number, in English.
 */
export function parseThresholdInput(raw: string, locale: string): ThresholdInput {
  const trimmed = normaliseSeparators(raw.trim());
  if (trimmed === '') return { ok: true, threshold: null };
  const grouped = [groupSeparator(locale), ' '].map(
    (separator) => new RegExp(`^\\d{1,3}(${escapeRegExp(separator)}\\d{3}){1,2}$`),
  );
  if (!/^\d{1,9}$/.test(trimmed) && !grouped.some((pattern) => pattern.test(trimmed))) return { ok: false };
  const threshold = Number(trimmed.replace(/\D/g, ''));
  return threshold >= 1 ? { ok: true, threshold } : { ok: false };
}
