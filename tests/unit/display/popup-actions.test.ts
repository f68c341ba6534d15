import { describe, expect, it } from 'vitest';
import { popupActions } from '@/lib/display/popup-actions';
import { MIN_REFRESH_GAP_MS } from '@/lib/polling/schedule';
import { DEFAULT_SETTINGS } from '@/lib/alerts/settings';
import type { PollStatus } from '@/lib/polling/status';
import type { Usage } from '@/lib/account/usage';
import { toView } from '@/lib/display/view';
import { usage } from '../helpers';

const NOW = Date.UTC(2026, 10, 25, 14, 5);
const PACKS = { small: 'https://fluximage.app/checkout/topup-small' };
const ok: PollStatus = { kind: 'ok', checkedAt: NOW - 60_000, nextAt: NOW + 840_000 };
const failed = (kind: Exclude<PollStatus['kind'], 'ok'>, nextAt: number | null): PollStatus => ({
  kind,
  checkedAt: NOW - 120_000,
  since: NOW - 600_000,
  attempts: 3,
  nextAt,
});

function actions(changes: Partial<Usage> | null, status: PollStatus | null) {
  const snapshot = changes && { usage: usage(changes), fetchedAt: NOW - 60_000 };
  const view = toView({ hasKey: true, snapshot, status, settings: DEFAULT_SETTINGS });
  return popupActions(view, status, NOW);
}

describe('the popup main action', () => {
  it.each([
    ['credits left', 'refresh', { remainingCredits: 1080, topups: PACKS }, ok],
    ['low credits', 'refresh', { remainingCredits: 50, topups: PACKS }, ok],
    ['no credits, packs on sale', 'top-up', { remainingCredits: 0, topups: PACKS }, ok],
    ['no credits and no pack to buy', 'refresh', { remainingCredits: 0, topups: {} }, ok],
    ['no credits, updates failing', 'top-up', { remainingCredits: 0, topups: PACKS }, failed('server', NOW + 60_000)],
    ['a rejected key', 'update-key', null, failed('unauthorized', null)],
    ['a key refused with 403 after numbers', 'update-key', { remainingCredits: 0 }, failed('unauthorized', null)],
  ] as const)('%s → %s', (_, primary, changes, status) => {
    expect(actions(changes, status).primary).toBe(primary);
  });

  it('offers no Refresh for a rejected key', () => {
    expect(actions(null, failed('unauthorized', null)).refresh).toBeNull();
  });
});

describe('the refresh offer', () => {
  it('holds a refresh back for the minimum gap after the last check', () => {
    expect(actions({}, ok).refresh).toEqual({ availableAt: ok.checkedAt + MIN_REFRESH_GAP_MS, failing: null });
  });

  it('while updates fail, tells when the extension last tried and when it tries next', () => {
    const status = failed('server', NOW + 180_000);
    expect(actions({}, status).refresh?.failing).toEqual({ lastTriedAt: NOW - 120_000, nextTryAt: NOW + 180_000 });
  });

  it('waits as long as FluxImage asked when rate-limited', () => {
    const status = failed('rate-limited', NOW + 300_000);
    expect(actions({}, status).refresh?.availableAt).toBe(NOW + 300_000);
  });

  it('promises no next try whose time has already passed', () => {
    expect(actions({}, failed('network', NOW - 1_000)).refresh?.failing?.nextTryAt).toBeNull();
  });

  it('reads times stored ahead of a clock set back as now: Refresh waits the gap, not the jump', () => {
    const ahead = 3 * 3_600_000;
    const status: PollStatus = {
      kind: 'server',
      checkedAt: NOW + ahead,
      since: NOW + ahead - 600_000,
      attempts: 3,
      nextAt: NOW + ahead + 120_000,
    };
    expect(actions({}, status).refresh).toEqual({
      availableAt: NOW + MIN_REFRESH_GAP_MS,
      failing: { lastTriedAt: NOW, nextTryAt: NOW + 120_000 },
    });
  });

  it('also while nothing could be fetched yet', () => {
    expect(actions(null, failed('network', NOW + 60_000)).refresh?.failing).toEqual({
      lastTriedAt: NOW - 120_000,
      nextTryAt: NOW + 60_000,
    });
  });
});

describe('compressions used up', () => {
  it.each([
    [
      'a limited plan at its limit',
      { plan: 'starter', compressionsUsed: 200, compressionsLimit: 200, canCompress: false },
      true,
    ],
    ['a limited plan with some left', { plan: 'starter', compressionsUsed: 20, compressionsLimit: 200 }, false],
    ['Pro, which is unlimited', { plan: 'pro', compressionsLimit: 200, canCompress: false }, false],
    ['a plan with the unlimited limit', { plan: 'starter', compressionsLimit: 99_999, canCompress: false }, false],
  ] as const)('%s → used up: %s', (_, changes, usedUp) => {
    expect(actions(changes, ok).compressionsUsedUp).toBe(usedUp);
  });
});
