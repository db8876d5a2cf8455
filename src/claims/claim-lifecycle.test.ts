import { describe, expect, it } from 'vitest';
import { type ClaimStatus, type TransitionRequest, checkTransition, claimStatuses, nextStatuses } from './claim-lifecycle.ts';

// The lifecycle as the issue states it, written out independently of the implementation's table.
const legal = new Set([
  'submitted→in_review',
  'submitted→needs_info',
  'in_review→approved',
  'in_review→denied',
  'in_review→needs_info',
  'needs_info→in_review',
  'approved→fulfilment',
  'denied→closed',
  'fulfilment→resolved',
  'resolved→closed',
]);

/** A request carrying whatever the target status needs, so only the move itself is judged. */
function completeRequest(to: ClaimStatus): TransitionRequest {
  return { to, reason: 'Checked the photos.', fulfilment: { kind: 'replacement', carrier: 'UPS', trackingNumber: '1Z999' } };
}

const pairs = claimStatuses.flatMap((from) => claimStatuses.map((to) => [from, to] as const));

describe('the claim lifecycle', () => {
  it.each(pairs)('%s → %s is allowed only if the lifecycle says so', (from, to) => {
    const check = checkTransition(from, completeRequest(to));
    if (legal.has(`${from}→${to}`)) {
      expect(check).toEqual({ ok: true });
    } else {
      expect(check).toMatchObject({ ok: false, problem: 'not_allowed', field: 'to' });
      expect(check.ok ? '' : check.message).toMatch(/\S/);
    }
  });

  it('offers exactly the legal next statuses', () => {
    for (const from of claimStatuses) {
      expect([...nextStatuses(from)].sort()).toEqual(claimStatuses.filter((to) => legal.has(`${from}→${to}`)).sort());
    }
  });

  it('cannot skip to closed, and a closed claim stays closed', () => {
    expect(checkTransition('submitted', { to: 'closed' })).toMatchObject({
      ok: false,
      message: 'A claim that is submitted cannot go to closed; it can go to in review or needs information.',
    });
    expect(checkTransition('closed', { to: 'in_review' })).toMatchObject({ ok: false, message: 'A closed claim cannot change status any more.' });
    expect(checkTransition('approved', { to: 'approved' })).toMatchObject({ ok: false, message: 'The claim is already approved.' });
  });

  it('needs a reason to deny or to ask for information', () => {
    expect(checkTransition('in_review', { to: 'denied' })).toMatchObject({ ok: false, problem: 'reason_required', field: 'reason' });
    expect(checkTransition('in_review', { to: 'denied', reason: '   ' })).toMatchObject({ ok: false, problem: 'reason_required' });
    expect(checkTransition('in_review', { to: 'denied', reason: 'Damage from a fall is not covered.' })).toEqual({ ok: true });
    expect(checkTransition('submitted', { to: 'needs_info', reason: null })).toMatchObject({ ok: false, problem: 'reason_required' });
    expect(checkTransition('submitted', { to: 'needs_info', reason: 'A photo of the rating label, please.' })).toEqual({ ok: true });
  });

  it('needs the fulfilment details to move to fulfilment', () => {
    expect(checkTransition('approved', { to: 'fulfilment' })).toMatchObject({ ok: false, problem: 'fulfilment_required', field: 'fulfilment' });
    expect(checkTransition('approved', { to: 'fulfilment', fulfilment: { kind: 'refund', amountMinor: 12_999, currency: 'USD' } })).toEqual({ ok: true });
    expect(checkTransition('approved', { to: 'fulfilment', fulfilment: { kind: 'repair', bookedFor: '2026-05-04T09:00:00Z' } })).toEqual({ ok: true });
  });

  it('asks nothing extra of the other moves', () => {
    expect(checkTransition('submitted', { to: 'in_review' })).toEqual({ ok: true });
    expect(checkTransition('fulfilment', { to: 'resolved' })).toEqual({ ok: true });
    expect(checkTransition('resolved', { to: 'closed' })).toEqual({ ok: true });
  });
});
