import type { BrandScope } from '../platform/database/tenancy.ts';
import { fileUrl } from '../platform/files/files.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { entitlementView } from '../warranty/entitlement-view.ts';
import { ownershipEntitlement } from '../warranty/ownership-entitlement.ts';
import { type ClaimStatus, claimStatuses, nextStatuses, openClaimStatuses } from './claim-lifecycle.ts';
import { type ClaimRow, findClaim } from './claim-records.ts';
import { claimSla } from './claim-sla.ts';
import type { ClaimDetail, ClaimSummary } from './claim-views.ts';
import type { ClaimVisibility } from './tables.ts';

const finishedStatuses = claimStatuses.filter((status) => !openClaimStatuses.includes(status));

export interface ClaimFilter {
  readonly limit: number;
  readonly cursor?: string | undefined;
  /** One status, or `open`: every status someone still works on. */
  readonly status?: ClaimStatus | 'open' | undefined;
  /** A staff user's id, or `none` for claims nobody has. */
  readonly assignee?: string | undefined;
  readonly owner?: string | undefined;
  readonly ownership?: string | undefined;
}

/** Claims, newest first, with their service-level figures as of `now`. */
export function listClaims(scope: BrandScope, filter: ClaimFilter, now: Date) {
  const query = selectSummaries(scope)
    .$if(filter.status === 'open', (q) => q.where('c.status', 'not in', finishedStatuses))
    .$if(filter.status !== undefined && filter.status !== 'open', (q) => q.where('c.status', '=', filter.status as ClaimStatus))
    .$if(filter.assignee === 'none', (q) => q.where('c.assignee_id', 'is', null))
    .$if(filter.assignee !== undefined && filter.assignee !== 'none', (q) => q.where('c.assignee_id', '=', filter.assignee as string))
    .$if(filter.owner !== undefined, (q) => q.where('c.owner_id', '=', filter.owner as string))
    .$if(filter.ownership !== undefined, (q) => q.where('c.ownership_id', '=', filter.ownership as string));
  return keysetPage(query, filter, (row) => toSummary(row, now), 'c.id');
}

/** One claim with everything an agent needs on one screen: coverage then and now, timeline, files. */
export async function getClaimDetail(scope: BrandScope, ref: string, now: Date): Promise<ClaimDetail> {
  const { id } = await findClaim(scope, ref);
  const row = await selectSummaries(scope)
    .innerJoin('ownerships as p', 'p.id', 'c.ownership_id')
    .select(['p.proof_status', 'p.proof_file_id'])
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow();
  const [timeline, current] = await Promise.all([claimTimeline(scope, id, 'internal'), ownershipEntitlement(scope, row.ownership_id)]);
  return {
    ...toSummary(row, now),
    description: row.description,
    videoUrl: row.video_url,
    contactChannels: row.contact_channels,
    contactPhone: row.contact_phone,
    serviceNote: row.service_note,
    denialReason: row.denial_reason,
    fulfilment: row.fulfilment_kind
      ? {
          kind: row.fulfilment_kind,
          bookedFor: row.repair_booked_for?.toISOString() ?? null,
          carrier: row.carrier,
          trackingNumber: row.tracking_number,
          amountMinor: row.refund_amount_minor,
          currency: row.refund_currency,
        }
      : null,
    coverage: row.coverage as ClaimDetail['coverage'],
    currentCoverage: current ? entitlementView(current) : null,
    proofRequested: row.proof_requested,
    proof: { status: row.proof_status, fileUrl: row.proof_file_id ? fileUrl(row.proof_file_id) : null },
    firstResponseAt: row.first_response_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    source: row.source,
    createdBy: { type: row.created_by_type, id: row.created_by_id, label: row.created_by_label },
    nextStatuses: [...nextStatuses(row.status)],
    ...timeline,
  };
}

/**
 * A claim's status history, conversation and files, oldest first. `owner`: only what the owner sees
 * (no internal notes or files); `internal`: everything, for staff.
 */
export async function claimTimeline(scope: BrandScope, claimId: string, audience: ClaimVisibility) {
  const visible = audience === 'owner' ? (['owner'] as const) : (['owner', 'internal'] as const);
  const [transitions, messages, attachments] = await Promise.all([
    scope.db.selectFrom('claim_transitions').selectAll().where('brand_id', '=', scope.brandId).where('claim_id', '=', claimId).orderBy('at').orderBy('id').execute(),
    scope.db.selectFrom('claim_messages').selectAll().where('brand_id', '=', scope.brandId).where('claim_id', '=', claimId).where('visibility', 'in', visible).orderBy('created_at').orderBy('id').execute(),
    scope.db
      .selectFrom('claim_attachments as a')
      .innerJoin('files as f', 'f.id', 'a.file_id')
      .select(['a.id', 'a.visibility', 'a.added_by_type', 'a.added_by_id', 'a.added_by_label', 'a.created_at', 'f.id as file_id', 'f.purpose', 'f.content_type', 'f.byte_size', 'f.original_name', 'f.created_at as file_created_at'])
      .where('a.brand_id', '=', scope.brandId)
      .where('a.claim_id', '=', claimId)
      .where('a.visibility', 'in', visible)
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute(),
  ]);
  return {
    transitions: transitions.map((t) => ({
      id: t.id,
      from: t.from_status,
      to: t.to_status,
      reason: t.reason,
      actor: { type: t.actor_type, id: t.actor_id, label: t.actor_label },
      at: t.at.toISOString(),
    })),
    messages: messages.map((m) => ({
      id: m.id,
      visibility: m.visibility,
      author: { type: m.author_type, id: m.author_id, label: m.author_label },
      body: m.body,
      createdAt: m.created_at.toISOString(),
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      visibility: a.visibility,
      addedBy: { type: a.added_by_type, id: a.added_by_id, label: a.added_by_label },
      file: {
        id: a.file_id,
        purpose: a.purpose,
        contentType: a.content_type,
        byteSize: a.byte_size,
        originalName: a.original_name,
        url: fileUrl(a.file_id),
        createdAt: a.file_created_at.toISOString(),
      },
      createdAt: a.created_at.toISOString(),
    })),
  };
}

/** An owner's claims, newest first, with the product each is about. */
export async function claimsOfOwner(scope: BrandScope, ownerId: string) {
  return scope.db
    .selectFrom('claims as c')
    .innerJoin('models as m', 'm.id', 'c.model_id')
    .innerJoin('ownerships as o', 'o.id', 'c.ownership_id')
    .select(['c.id', 'c.number', 'c.status', 'c.paid_service', 'c.problem_category', 'c.problem_label', 'c.created_at', 'c.status_changed_at', 'm.name as model_name', 'o.serial'])
    .where('c.brand_id', '=', scope.brandId)
    .where('c.owner_id', '=', ownerId)
    .orderBy('c.created_at', 'desc')
    .execute();
}

function selectSummaries(scope: BrandScope) {
  return scope.db
    .selectFrom('claims as c')
    .innerJoin('owners as w', 'w.id', 'c.owner_id')
    .innerJoin('ownerships as o', 'o.id', 'c.ownership_id')
    .innerJoin('models as m', 'm.id', 'c.model_id')
    .leftJoin('staff_users as s', 's.id', 'c.assignee_id')
    .selectAll('c')
    .select(['w.name as owner_name', 'w.email as owner_email', 'o.serial', 'm.name as model_name', 'm.sku as model_sku', 's.name as assignee_name'])
    .where('c.brand_id', '=', scope.brandId);
}

type SummaryRow = ClaimRow & { owner_name: string; owner_email: string; serial: string | null; model_name: string; model_sku: string; assignee_name: string | null };

function toSummary(row: SummaryRow, now: Date): ClaimSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    kind: row.kind,
    paidService: row.paid_service,
    problem: { code: row.problem_category, label: row.problem_label },
    owner: { id: row.owner_id, name: row.owner_name, email: row.owner_email },
    ownership: { id: row.ownership_id, serial: row.serial },
    model: { id: row.model_id, name: row.model_name, sku: row.model_sku },
    assignee: row.assignee_id && row.assignee_name ? { id: row.assignee_id, name: row.assignee_name } : null,
    rmaNumber: row.rma_number,
    createdAt: row.created_at.toISOString(),
    statusChangedAt: row.status_changed_at.toISOString(),
    sla: claimSla({ createdAt: row.created_at, statusChangedAt: row.status_changed_at, firstResponseAt: row.first_response_at, resolvedAt: row.resolved_at, closedAt: row.closed_at }, now),
  };
}
