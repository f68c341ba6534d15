import { FIRST_ACCOUNT, accountKey } from '../account/account-id';
import * as z from 'zod/mini';
import { FAILURE_KINDS, type FailureKind } from './failures';
import { storedTime } from '../account/numbers';
import { defineStoredFamily } from '../platform/storage';

/**
 * How the last poll went. Kept apart from the snapshot so a failure never
 * overwrites the last good numbers.
 */
export type PollStatus =
  | { kind: 'ok'; checkedAt: number; nextAt: number }
  | {
      kind: FailureKind;
      checkedAt: number;
      /** When the current run of failures began. */
      since: number;
      attempts: number;
      /** `null`: no retry until the key changes. */
      nextAt: number | null;
    };

const time = storedTime;
const count = z.number().check(z.refine(Number.isInteger), z.positive());

// One object schema rather than a union of two: the same check, in a fraction of zod's code.
const storedStatusSchema = z.object({
  kind: z.enum(['ok', ...FAILURE_KINDS]),
  checkedAt: time,
  since: z.optional(time),
  attempts: z.optional(count),
  nextAt: z.nullable(time),
});

/** Reads a stored status; anything that is not one of the two shapes above is `null`. */
export function parsePollStatus(value: unknown): PollStatus | null {
  const parsed = storedStatusSchema.safeParse(value);
  if (!parsed.success) return null;
  const { kind, checkedAt, since, attempts, nextAt } = parsed.data;
  if (kind === 'ok') return nextAt === null ? null : { kind, checkedAt, nextAt };
  if (since === undefined || attempts === undefined) return null;
  return { kind, checkedAt, since, attempts, nextAt };
}

export type Failure = Exclude<PollStatus, { kind: 'ok' }>;

export function isFailure(status: PollStatus | null): status is Failure {
  return status !== null && status.kind !== 'ok';
}

/** How the last check went, apart from the snapshot so a failure never overwrites the last good numbers. */
export const pollStatusItems = defineStoredFamily<PollStatus | null>(accountKey('pollStatus'), {
  parse: parsePollStatus,
  fallback: null,
  version: 1,
});
/** The first account's (the only one of a single-key install). */
export const pollStatusItem = pollStatusItems(FIRST_ACCOUNT);
