import * as z from 'zod/mini';

/**
 * The times the extension stores (when numbers were fetched, when a retry is due)
 * come from the browser's clock. A clock outside these years cannot hold a TLS
 * connection to fluximage.app anyway, so a stored time outside them is damage:
 * read as absent rather than drawn (beyond `Date`'s range it would throw).
 */
const EARLIEST_TIME = Date.UTC(2020, 0, 1);
const LATEST_TIME = Date.UTC(2100, 0, 1);

const isPlausibleTime = (value: number): boolean => value >= EARLIEST_TIME && value <= LATEST_TIME;

export const storedTime = z.number().check(z.refine(isPlausibleTime));

/** A count as FluxImage sends it: a whole number a double holds exactly; `-0` read as 0. */
const isWholeCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

export const wholeCount = z.number().check(
  z.refine(isWholeCount),
  z.overwrite((value) => value + 0),
);
