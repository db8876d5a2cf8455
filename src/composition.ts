// What this version of OpenOX is made of: its HTTP route modules and its event consumers.
import { apiKeyRoutes } from './access/api-keys.routes.ts';
import { auditRoutes } from './access/audit.routes.ts';
import { agentRoutes } from './agent/agent.routes.ts';
import { sessionRoutes } from './access/session.routes.ts';
import { staffRoutes } from './access/staff.routes.ts';
import { dailyEventCounts } from './analytics/daily-event-counts.ts';
import { brandRoutes } from './brands/brand.routes.ts';
import { helpPageRoutes } from './care/pages/help.routes.tsx';
import { serviceCentrePageRoutes } from './care/pages/service-centres.routes.tsx';
import { selfServiceRoutes } from './care/self-service.routes.ts';
import { serviceCentreRoutes } from './care/service-centres.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { claimActionRoutes } from './claims/claim-actions.routes.ts';
import { claimRoutes } from './claims/claims.routes.ts';
import { claimDetailRoutes } from './claims/pages/claim-detail.routes.tsx';
import { claimPageRoutes } from './claims/pages/claim-pages.routes.tsx';
import { problemCategoryRoutes } from './claims/problem-categories.routes.ts';
import { identificationRoutes } from './identification/identification.routes.ts';
import { photoRegistrationRoutes } from './identification/pages/photo-registration.routes.tsx';
import { scannedCodeRoutes } from './identification/pages/scanned-code.routes.ts';
import { scannerAssetRoutes } from './identification/scanner/scanner-assets.routes.ts';
import { agentTaskRoutes } from './journeys/agent-tasks.routes.ts';
import { journeyEvents } from './journeys/journey-events.ts';
import { journeyRoutes } from './journeys/journeys.routes.ts';
import { labelRoutes } from './labels/labels.routes.ts';
import { consentLedgerRoutes } from './messaging/consent-ledger/consent-ledger.routes.ts';
import { outboxRoutes } from './messaging/outbox.routes.ts';
import { messagingSettingsRoutes } from './messaging/settings/messaging-settings.routes.ts';
import { suppressionRoutes } from './messaging/suppressions.routes.ts';
import { preferenceCentreRoutes } from './messaging/preferences/preference-centre.routes.tsx';
import { smsWebhookRoutes } from './messaging/sms/sms-webhooks.routes.ts';
import { clickRoutes } from './messaging/clicks/clicks.routes.tsx';
import { templateRoutes } from './messaging/templates/templates.routes.ts';
import { publicFileRoutes } from './owner-site/public-files.routes.ts';
import { recallRoutes } from './recalls/recalls.routes.ts';
import { ownerRoutes } from './owners/owners.routes.ts';
import { myProductsRoutes } from './owners/pages/my-products.routes.tsx';
import { ownerSignInRoutes } from './owners/pages/sign-in.routes.tsx';
import type { EventConsumer } from './platform/events/consumers.ts';
import { eventRoutes } from './platform/events/events.routes.ts';
import { fileRoutes } from './platform/files/files.routes.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import type { RouteModule } from './platform/http/server.ts';
import { registrationImportRoutes } from './registration/import/import.routes.ts';
import { registrationSiteRoutes } from './registration/pages/registration-site.routes.tsx';
import { ownershipChangeRoutes } from './registration/ownership-changes.routes.ts';
import { ownershipEndRoutes } from './registration/pages/ownership-end.routes.tsx';
import { registrationListRoutes } from './registration/registration-list.routes.ts';
import { registrationRoutes } from './registration/registrations.routes.ts';
import { registrationSettingsRoutes } from './registration/settings.routes.ts';
import { resolverRoutes } from './resolver/resolver.routes.tsx';
import { segmentRoutes } from './segments/segments.routes.ts';
import { reviewPageRoutes } from './reviews/pages/review-pages.routes.tsx';
import { reviewRoutes } from './reviews/reviews.routes.ts';
import { telemetryRoutes } from './telemetry/telemetry.routes.ts';
import { warrantyRoutes } from './warranty/warranty.routes.ts';

export const routeModules: readonly RouteModule[] = [
  healthRoutes,
  sessionRoutes,
  brandRoutes,
  staffRoutes,
  apiKeyRoutes,
  auditRoutes,
  fileRoutes,
  catalogRoutes,
  labelRoutes,
  eventRoutes,
  ownerRoutes,
  agentRoutes,
  registrationRoutes,
  registrationListRoutes,
  registrationImportRoutes,
  registrationSettingsRoutes,
  ownershipChangeRoutes,
  warrantyRoutes,
  recallRoutes,
  serviceCentreRoutes,
  selfServiceRoutes,
  outboxRoutes,
  messagingSettingsRoutes,
  suppressionRoutes,
  consentLedgerRoutes,
  templateRoutes,
  journeyRoutes,
  segmentRoutes,
  agentTaskRoutes,
  telemetryRoutes,
  claimRoutes,
  claimActionRoutes,
  problemCategoryRoutes,
  reviewRoutes,
  // Owner-facing pages (server-rendered HTML, no staff credentials).
  registrationSiteRoutes,
  ownerSignInRoutes,
  myProductsRoutes,
  ownershipEndRoutes,
  publicFileRoutes,
  helpPageRoutes,
  serviceCentrePageRoutes,
  claimPageRoutes,
  claimDetailRoutes,
  // Owners' reviews (written by signed link or from My products) and each model's public reviews.
  reviewPageRoutes,
  // The preference centre and the one-click unsubscribe address (/u/<token>) of marketing messages.
  preferenceCentreRoutes,
  // The SMS provider's delivery receipts and inbound texts (signed by the provider).
  smsWebhookRoutes,
  identificationRoutes,
  photoRegistrationRoutes,
  scannedCodeRoutes,
  scannerAssetRoutes,
  // The click tracker's /c/<token> links in messages.
  clickRoutes,
  // GS1 Digital Link resolver: a catch-all for /01/... paths, so it goes last.
  resolverRoutes,
];

export const eventConsumers: readonly EventConsumer[] = [dailyEventCounts, journeyEvents];
