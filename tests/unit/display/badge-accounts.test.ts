import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/alerts/settings';
import { badgeAccount, type NamedView } from '@/lib/display/badge-account';
import { accountsBadge } from '@/lib/display/badge-choice';
import { BADGE_STATES, toBadgeView } from '@/lib/display/badge';
import { toView } from '@/lib/display/view';
import { DEFAULT_INSIGHT_SETTINGS } from '@/lib/foresight/settings';
import { en, usage } from '../helpers';

const AT = Date.UTC(2026, 11, 2, 9, 30);
const healthy = (id: string, name: string, remainingCredits: number): NamedView => ({
  id,
  name,
  view: toView({
    hasKey: true,
    snapshot: { usage: usage({ remainingCredits }), fetchedAt: AT },
    status: { kind: 'ok', checkedAt: AT, nextAt: AT + 900_000 },
    settings: DEFAULT_SETTINGS,
  }),
});
const rejected = (id: string, name: string): NamedView => ({
  id,
  name,
  view: toView({
    hasKey: true,
    snapshot: null,
    status: { kind: 'unauthorized', checkedAt: AT, since: AT, attempts: 1, nextAt: null },
    settings: DEFAULT_SETTINGS,
  }),
});

const clientA = healthy('a0', 'Client A', 1080);
const clientB = healthy('a1', 'Client B', 90);
const staging = rejected('a2', 'Staging');

describe('the badge over several accounts', () => {
  it('is exactly the one account’s badge when there is one', () => {
    expect(accountsBadge([clientB], en, 'en', DEFAULT_INSIGHT_SETTINGS)).toEqual(
      toBadgeView(clientB.view, en, 'en', DEFAULT_INSIGHT_SETTINGS),
    );
  });

  it('asks for a key when there is none', () => {
    expect(accountsBadge([], en, 'en', DEFAULT_INSIGHT_SETTINGS).text).toBe('?');
  });

  it('shows the account that runs out first, with a line per account in the tooltip', () => {
    const badge = accountsBadge([clientA, clientB], en, 'en', DEFAULT_INSIGHT_SETTINGS);
    expect(badge.text).toBe('90');
    expect(badge.color).toBe(BADGE_STATES.low.color);
    expect(badge.title.split('\n')).toEqual([
      'FluxImage: the badge shows Client B.',
      'Client A: 1,080 AI credits left',
      'Client B: 90 AI credits left (low)',
    ]);
  });

  it('never hides a rejected key behind a healthy account: the number turns red', () => {
    const badge = accountsBadge([clientA, clientB, staging], en, 'en', DEFAULT_INSIGHT_SETTINGS);
    expect(badge.text).toBe('90');
    expect(badge.color).toBe(BADGE_STATES.rejected.color);
    expect(badge.title).toContain('Staging: FluxImage rejected the key');
  });

  it('shows the account chosen in the settings, and the first to run out once that one is gone', () => {
    const chosen = { ...DEFAULT_INSIGHT_SETTINGS, badgeAccount: 'a0' };
    expect(accountsBadge([clientA, clientB], en, 'en', chosen).text).toBe('1k');
    expect(badgeAccount([clientB, staging], 'a0')?.id).toBe('a1');
  });

  it('puts used-up credits before low ones, and numbers before accounts without any', () => {
    const empty = healthy('a3', 'Empty', 0);
    expect(badgeAccount([staging, clientB, empty], undefined)?.id).toBe('a3');
    expect(badgeAccount([staging, clientA], undefined)?.id).toBe('a0');
    expect(badgeAccount([staging], undefined)?.id).toBe('a2');
  });
});

describe('a tooltip line', () => {
  it('names an account with access off once', () => {
    const off: NamedView = {
      id: 'a0',
      name: 'Client A',
      view: toView({
        hasKey: true,
        snapshot: { usage: usage({ remainingCredits: 1080 }), fetchedAt: AT },
        status: { kind: 'access-off', checkedAt: AT, since: AT, attempts: 1, nextAt: null },
        settings: DEFAULT_SETTINGS,
      }),
    };
    expect(accountsBadge([off, clientB], en, 'en', DEFAULT_INSIGHT_SETTINGS).title.split('\n')[1]).toBe(
      'Client A: 1,080 AI credits left (access to fluximage.app is off)',
    );
  });
});
