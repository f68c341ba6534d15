// A usage trace (tests/traces/*.json, format in tests/traces/README.md): an account's numbers
// and the person's presence over a week, as functions of time. What the freshness benchmark
// replays, and the truth it measures the extension against.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { creditLevel, decideAlert, effectiveThreshold, type CreditLevel } from '../../lib/alerts/credit-level';
import type { Presence } from '../../lib/polling/check-policy';
import { DAY } from '../../lib/history/calendar';

export const TRACES_DIR = join(import.meta.dirname, '..', 'traces');

const time = z.pipe(
  z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:\d\d)$/)),
  z.transform((text) => Date.parse(text)),
);
const count = z.int().check(z.gte(0));

const spend = z.object({ from: time, to: time, credits: count, compressions: z.optional(count) });
const topup = z.object({ at: time, topup: count });
const reset = z.object({ at: time, reset: z.literal(true) });
const plan = z.object({ at: time, plan: z.string(), monthly: count, compressionsLimit: count });
const presenceState = z.enum(['active', 'idle', 'locked']);

const traceSchema = z.object({
  about: z.string(),
  start: time,
  days: z.int().check(z.gte(1)),
  account: z.object({
    plan: z.string(),
    monthly: count,
    used: count,
    topup: count,
    compressionsUsed: count,
    compressionsLimit: count,
  }),
  settings: z.object({ threshold: z.nullable(count), renewalDay: z.nullable(z.int().check(z.gte(1), z.lte(31))) }),
  usage: z.array(z.union([spend, topup, reset, plan])),
  presence: z.object({
    otherwise: presenceState,
    spans: z.array(z.object({ from: time, to: time, state: presenceState })),
  }),
});

type Parsed = z.infer<typeof traceSchema>;
export type Account = Parsed['account'];
type Spend = z.infer<typeof spend>;
type Moment = Exclude<Parsed['usage'][number], Spend>;

export interface Trace {
  name: string;
  about: string;
  start: number;
  end: number;
  settings: Parsed['settings'];
  /** The account as FluxImage would report it at `at`. */
  accountAt(at: number): Account;
  /** Every moment the remaining credits may change (a credit spent, a top-up, a reset, a plan change), in order. */
  creditChanges: readonly number[];
  presenceAt(at: number): Presence;
  /** The moments the person comes back: presence turns `active` from `idle` or `locked`. */
  returns: readonly number[];
  /** The first moment at or after `at` the person is active: when they could see a notification sent at `at`. */
  nextActiveAt(at: number): number;
}

const isSpend = (event: Parsed['usage'][number]): event is Spend => 'from' in event;

/** How many of `total` a spend has used by `at`: the k-th at k/total of the way, in whole milliseconds. */
function spentBy(event: Spend, total: number, at: number): number {
  const length = event.to - event.from;
  if (length <= 0) return at >= event.to ? total : 0;
  return Math.floor((total * Math.min(length, Math.max(0, at - event.from))) / length);
}

/** Spends monthly credits first, then top-up credits, as FluxImage documents; never below zero. */
function applySpend(account: Account, credits: number, compressions: number): void {
  const monthlyLeft = Math.max(0, account.monthly - account.used);
  const fromMonthly = Math.min(credits, monthlyLeft);
  account.used += fromMonthly;
  account.topup = Math.max(0, account.topup - (credits - fromMonthly));
  account.compressionsUsed = Math.min(account.compressionsLimit, account.compressionsUsed + compressions);
}

function applyMoment(account: Account, event: Moment): void {
  if ('topup' in event) account.topup += event.topup;
  else if ('reset' in event) Object.assign(account, { used: 0, compressionsUsed: 0 });
  else Object.assign(account, { plan: event.plan, monthly: event.monthly, compressionsLimit: event.compressionsLimit });
}

/** The moments a spend uses a credit: the first whole millisecond `spentBy` counts it. */
function creditMoments(event: Spend): number[] {
  const length = Math.max(0, event.to - event.from);
  return Array.from({ length: event.credits }, (_, k) => event.from + Math.ceil(((k + 1) * length) / event.credits));
}

function checkConsistent(name: string, parsed: Parsed, spends: Spend[], moments: Moment[]): void {
  for (const event of moments) {
    if (spends.some((s) => event.at > s.from && event.at < s.to)) {
      throw new Error(
        `${name}: a top-up, reset or plan change at ${new Date(event.at).toISOString()} falls inside a spend`,
      );
    }
  }
  const spans = parsed.presence.spans;
  spans.forEach((span, index) => {
    if (span.to <= span.from || (index > 0 && span.from < spans[index - 1]!.to)) {
      throw new Error(`${name}: presence spans must be in order and must not overlap (span ${index})`);
    }
  });
}

export function toTrace(name: string, raw: unknown): Trace {
  const parsed = traceSchema.parse(raw);
  const spends = parsed.usage.filter(isSpend).toSorted((a, b) => a.from - b.from);
  const moments = parsed.usage.filter((event): event is Moment => !isSpend(event)).toSorted((a, b) => a.at - b.at);
  checkConsistent(name, parsed, spends, moments);
  const start = parsed.start;
  const end = start + parsed.days * DAY;

  const events = [
    ...spends.map((event) => ({ at: event.from, event })),
    ...moments.map((event) => ({ at: event.at, event })),
  ].toSorted((a, b) => a.at - b.at);
  function accountAt(at: number): Account {
    const account = { ...parsed.account };
    for (const { at: from, event } of events) {
      if (from > at) break;
      if (isSpend(event))
        applySpend(account, spentBy(event, event.credits, at), spentBy(event, event.compressions ?? 0, at));
      else applyMoment(account, event);
    }
    return account;
  }

  const creditChanges = [...spends.flatMap(creditMoments), ...moments.map((event) => event.at)].toSorted(
    (a, b) => a - b,
  );
  const spans = parsed.presence.spans;
  const presenceAt = (at: number): Presence =>
    spans.find((span) => at >= span.from && at < span.to)?.state ?? parsed.presence.otherwise;
  const returns = [...new Set(spans.flatMap((span) => [span.from, span.to]))]
    .filter((at) => presenceAt(at) === 'active' && presenceAt(at - 1) !== 'active')
    .toSorted((a, b) => a - b);
  const nextActiveAt = (at: number) =>
    presenceAt(at) === 'active' ? at : (returns.find((moment) => moment > at) ?? Number.POSITIVE_INFINITY);

  const { about, settings } = parsed;
  return { name, about, start, end, settings, accountAt, creditChanges, presenceAt, returns, nextActiveAt };
}

export function loadTrace(name: string): Trace {
  return toTrace(name, JSON.parse(readFileSync(join(TRACES_DIR, `${name}.json`), 'utf8')));
}

export const traceNames = (): string[] =>
  readdirSync(TRACES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .toSorted();

const remainingOf = (account: Account) => account.monthly - account.used + account.topup;

/** What GET /api/usage answers for this account. */
export function usageBody(account: Account): Record<string, unknown> {
  const remaining = remainingOf(account);
  return {
    plan: account.plan,
    compressor_used: account.compressionsUsed,
    compressor_limit: account.compressionsLimit,
    ia_credits_used: account.used,
    ia_credits_monthly: account.monthly,
    ia_topup_credits: account.topup,
    ia_credits_remaining: remaining,
    canCompress: account.compressionsUsed < account.compressionsLimit,
    canUseIA: account.plan !== 'free' && remaining > 0,
    topups: {
      small: 'https://fluximage.app/checkout/topup-small',
      medium: 'https://fluximage.app/checkout/topup-medium',
      large: 'https://fluximage.app/checkout/topup-large',
    },
  };
}

export const remainingAt = (trace: Trace, at: number): number => remainingOf(trace.accountAt(at));

export interface Crossing {
  at: number;
  level: Exclude<CreditLevel, 'normal'>;
}

/**
 * The low-credit alerts a push from FluxImage would give: the alert rule of lib/alerts/credit-level.ts
 * applied to the true numbers at every moment they change.
 */
export function trueCrossings(trace: Trace): Crossing[] {
  const crossings: Crossing[] = [];
  let memory: CreditLevel = 'normal';
  for (const at of [
    trace.start,
    ...trace.creditChanges.filter((moment) => moment > trace.start && moment < trace.end),
  ]) {
    const account = trace.accountAt(at);
    const threshold = effectiveThreshold(trace.settings.threshold, account.monthly);
    const decision = decideAlert(memory, creditLevel(remainingOf(account), threshold));
    if (decision.announce) crossings.push({ at, level: decision.announce });
    memory = decision.memory;
  }
  return crossings;
}
