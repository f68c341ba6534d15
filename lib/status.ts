import * as z from 'zod/mini';
import { FAILURE_KINDS, type FailureKind } from './api-client';

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

const time = z.number().check(z.nonnegative());

export const pollStatusSchema = z.union([
  z.object({ kind: z.literal('ok'), checkedAt: time, nextAt: time }),
  z.object({
    kind: z.enum(FAILURE_KINDS),
    checkedAt: time,
    since: time,
    attempts: z.number().check(z.int(), z.positive()),
    nextAt: z.nullable(time),
  }),
]) satisfies z.ZodMiniType<PollStatus>;

export type Failure = Exclude<PollStatus, { kind: 'ok' }>;

export function isFailure(status: PollStatus | null): status is Failure {
  return status !== null && status.kind !== 'ok';
}
