import { maintenanceView } from '../care/maintenance-schema.ts';
import { type OwnershipMaintenance, maintenanceOf } from '../care/maintenance.ts';
import { openClaimStatuses } from '../claims/claim-lifecycle.ts';
import { listClaims } from '../claims/claim-queries.ts';
import { getOwnerDetail } from '../owners/owner-directory.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { latestTelemetry } from '../telemetry/telemetry-history.ts';
import { entitlementView } from '../warranty/entitlement-view.ts';
import { ownershipEntitlements } from '../warranty/ownership-entitlement.ts';
import { listCalls } from './call-logs.ts';
import type { OwnerOverview } from './owner-overview-view.ts';
import { ownerTimeline } from './owner-timeline.ts';
import { preferredChannel } from './preferred-channel.ts';

/** What the reader's role lets them see beyond the owner: claims and messages have permissions of their own. */
export interface OverviewAccess {
  readonly claims: boolean;
  readonly messages: boolean;
}

const latestCalls = 20;
// An owner with more claims than this is rare; the claims list pages through all of them.
const claimsShown = 200;

/**
 * The agent's 360° view of one owner on one screen: who they are and how to reach them, every product
 * with its stage, warranty today and maintenance due, their claims, latest calls, what their connected
 * products reported, and a timeline.
 */
export async function ownerOverview(scope: BrandScope, ownerId: string, access: OverviewAccess, now = new Date()): Promise<OwnerOverview> {
  const owner = await getOwnerDetail(scope, ownerId);
  const today = now.toISOString().slice(0, 10);
  const entitlements = await ownershipEntitlements(scope, owner.ownerships.map((product) => product.id), today);
  const maintenance = new Map<string, OwnershipMaintenance>();
  for (const product of owner.ownerships.filter((candidate) => candidate.status === 'active')) {
    const facts = {
      id: product.id,
      ownerId,
      modelId: product.model.id,
      stage: product.stage,
      status: product.status,
      purchaseDate: product.purchaseDate,
      registeredOn: product.registeredAt.slice(0, 10),
    };
    maintenance.set(product.id, await maintenanceOf(scope, facts, today));
  }
  const claims = access.claims ? (await listClaims(scope, { owner: ownerId, limit: claimsShown }, now)).data : null;
  const latestClaim = await scope.db.selectFrom('claims').select('contact_channels')
    .where('brand_id', '=', scope.brandId).where('owner_id', '=', ownerId)
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  const calls = await listCalls(scope, ownerId, { limit: latestCalls });
  const productTelemetry = await latestTelemetry(scope, owner.ownerships.map((product) => product.id));
  const timeline = await ownerTimeline(scope, {
    ownerId,
    ownershipIds: owner.ownerships.map((product) => product.id),
    claimIds: claims?.map((claim) => claim.id) ?? [],
    withMessages: access.messages,
  });

  return {
    ...owner,
    ownerships: owner.ownerships.map((product) => {
      const coverage = entitlements.get(product.id);
      const schedule = maintenance.get(product.id);
      return {
        ...product,
        coverage: coverage ? entitlementView(coverage) : null,
        maintenance: schedule ? maintenanceView(schedule) : null,
        openClaims: claims ? claims.filter((claim) => claim.ownership.id === product.id && openClaimStatuses.includes(claim.status)).length : null,
      };
    }),
    preferredChannel: preferredChannel({
      consents: owner.consents,
      latestClaimChannels: latestClaim?.contact_channels ?? null,
      hasPhone: owner.phone !== null,
    }),
    claims,
    calls: calls.data,
    productTelemetry,
    timeline: timeline.map((entry) => ({ ...entry, events: [...entry.events] })),
  };
}
