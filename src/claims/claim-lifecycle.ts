/** Where a claim stands. `needs_info`: the brand asked the owner for something and waits for the answer. */
export const claimStatuses = ['submitted', 'in_review', 'needs_info', 'approved', 'denied', 'fulfilment', 'resolved', 'closed'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** Claims someone still has to work on: the agent's queue. */
export const openClaimStatuses: readonly ClaimStatus[] = ['submitted', 'in_review', 'needs_info', 'approved', 'denied', 'fulfilment'];

export const fulfilmentKinds = ['repair', 'replacement', 'refund'] as const;
export type FulfilmentKind = (typeof fulfilmentKinds)[number];

/** How an approved claim is made good: what the owner is told and the agent tracks. */
export type Fulfilment =
  | { readonly kind: 'repair'; readonly bookedFor: string }
  | { readonly kind: 'replacement'; readonly carrier: string; readonly trackingNumber: string }
  | { readonly kind: 'refund'; readonly amountMinor: number; readonly currency: string };

// The only moves a claim can make. Nothing skips ahead (no submitted → closed), nothing goes back
// except an answered request for information, and a closed claim stays closed.
const allowed: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  submitted: ['in_review', 'needs_info'],
  in_review: ['approved', 'denied', 'needs_info'],
  needs_info: ['in_review'],
  approved: ['fulfilment'],
  denied: ['closed'],
  fulfilment: ['resolved'],
  resolved: ['closed'],
  closed: [],
};

/** The statuses a claim in `from` may move to, in the order a person would consider them. */
export function nextStatuses(from: ClaimStatus): readonly ClaimStatus[] {
  return allowed[from];
}

const statusNames: Readonly<Record<ClaimStatus, string>> = {
  submitted: 'submitted',
  in_review: 'in review',
  needs_info: 'needs information',
  approved: 'approved',
  denied: 'denied',
  fulfilment: 'in fulfilment',
  resolved: 'resolved',
  closed: 'closed',
};

export interface TransitionRequest {
  readonly to: ClaimStatus;
  /** Required to deny (the reason the owner is given) and to ask for information (what is needed). */
  readonly reason?: string | null | undefined;
  /** Required to move to fulfilment. */
  readonly fulfilment?: Fulfilment | null | undefined;
}

export type TransitionCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** `not_allowed`: the move itself is illegal; the others: a legal move missing what it needs. */
      readonly problem: 'not_allowed' | 'reason_required' | 'fulfilment_required';
      /** The request field at fault, for a form to show the message beside. */
      readonly field: 'to' | 'reason' | 'fulfilment';
      readonly message: string;
    };

/** Whether a claim in `from` may make the move `request` asks for, and if not, why in words a person can act on. */
export function checkTransition(from: ClaimStatus, request: TransitionRequest): TransitionCheck {
  const { to } = request;
  if (!allowed[from].includes(to)) {
    const options = allowed[from].map((status) => statusNames[status]);
    const message =
      from === to
        ? `The claim is already ${statusNames[from]}.`
        : options.length === 0
          ? `A ${statusNames[from]} claim cannot change status any more.`
          : `A claim that is ${statusNames[from]} cannot go to ${statusNames[to]}; it can go to ${options.join(' or ')}.`;
    return { ok: false, problem: 'not_allowed', field: 'to', message };
  }
  const hasReason = (request.reason ?? '').trim().length > 0;
  if (to === 'denied' && !hasReason) {
    return { ok: false, problem: 'reason_required', field: 'reason', message: 'Give the reason for the denial: the owner is told it.' };
  }
  if (to === 'needs_info' && !hasReason) {
    return { ok: false, problem: 'reason_required', field: 'reason', message: 'Say what the owner needs to send or answer: they are told it.' };
  }
  if (to === 'fulfilment' && !request.fulfilment) {
    return {
      ok: false,
      problem: 'fulfilment_required',
      field: 'fulfilment',
      message: 'Say how the claim is fulfilled: a repair with its booking time, a replacement with its carrier and tracking number, or a refund with its amount.',
    };
  }
  return { ok: true };
}

