import { z } from 'zod';
import { ownershipMaintenanceView } from '../care/maintenance-schema.ts';
import { claimSummaryView } from '../claims/claim-views.ts';
import { ownerDetailView, ownerProductView } from '../owners/owner-directory.ts';
import { ownershipTelemetryView } from '../telemetry/telemetry-history.ts';
import { entitlementSchema } from '../warranty/entitlement-view.ts';
import { callLogView } from './call-logs.ts';

const timelineActorView = z.object({
  type: z.enum(['owner', 'staff', 'api_key', 'system']),
  id: z.uuid().nullable(),
  label: z.string(),
}).meta({ id: 'TimelineActor' });

const timelineEventView = z.object({
  id: z.uuid(),
  type: z.string().meta({ description: 'An event type (`claim.status_changed`), or `message` for a message sent to the owner.' }),
  subjectType: z.string(),
  subjectId: z.uuid().nullable(),
  at: z.string(),
  actor: timelineActorView.nullable().meta({ description: 'Null when the event does not say who caused it.' }),
  payload: z.record(z.string(), z.unknown()),
}).meta({ id: 'TimelineEvent' });

export const timelineEntryView = z.object({
  id: z.uuid().meta({ description: 'The latest folded event.' }),
  type: z.string(),
  subjectType: z.string(),
  subjectId: z.uuid().nullable(),
  actor: timelineActorView.nullable(),
  firstAt: z.string(),
  lastAt: z.string(),
  count: z.number().int().meta({ description: 'How many events were folded into this entry: repeated edits by one actor within minutes.' }),
  events: z.array(timelineEventView).meta({ description: 'Newest first.' }),
}).meta({ id: 'TimelineEntry' });

export const ownerOverviewProductView = ownerProductView.extend({
  coverage: entitlementSchema.nullable().meta({ description: 'The warranty today: covered or not, until when, on what basis, and any care plan.' }),
  maintenance: ownershipMaintenanceView.nullable().meta({ description: 'Active products only: each task with its next due date.' }),
  openClaims: z.number().int().nullable().meta({ description: 'Claims still worked on; null without claims:read.' }),
}).meta({ id: 'OwnerOverviewProduct' });

export const ownerOverviewView = ownerDetailView.extend({
  ownerships: z.array(ownerOverviewProductView).meta({ description: 'Every product, current and former, most recently registered first.' }),
  preferredChannel: z.object({
    channel: z.enum(['email', 'sms', 'phone']),
    basis: z.enum(['latest_claim', 'consent', 'email']).meta({ description: '`latest_claim`: how they asked to be reached on their latest claim; `consent`: the channel they last opted in to; `email`: neither.' }),
  }),
  claims: z.array(claimSummaryView).nullable().meta({ description: 'Open and past claims, newest first; null without claims:read.' }),
  calls: z.array(callLogView).meta({ description: 'The latest calls logged, newest first (all of them: GET /api/v1/owners/{id}/calls).' }),
  productTelemetry: z.array(ownershipTelemetryView).meta({ description: 'Per product that reported anything (connected products): the latest event of each type and the latest events (all of them: GET /api/v1/ownerships/{id}/telemetry).' }),
  timeline: z.array(timelineEntryView).meta({ description: 'The latest events about the owner, their products and claims, and messages sent to them; newest first, repeated edits folded.' }),
}).meta({ id: 'OwnerOverview' });
export type OwnerOverview = z.output<typeof ownerOverviewView>;
