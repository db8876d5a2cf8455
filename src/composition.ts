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
import { contactPreferenceRoutes } from './claims/pages/contact-preferences.routes.tsx';
import { problemCategoryRoutes } from './claims/problem-categories.routes.ts';
import { identificationRoutes } from './identification/identification.routes.ts';
import { photoRegistrationRoutes } from './identification/pages/photo-registration.routes.tsx';
import { scannedCodeRoutes } from './identification/pages/scanned-code.routes.ts';
import { scannerAssetRoutes } from './identification/scanner/scanner-assets.routes.ts';
import { labelRoutes } from './labels/labels.routes.ts';
import { outboxRoutes } from './messaging/outbox.routes.ts';
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
  claimRoutes,
  claimActionRoutes,
  problemCategoryRoutes,
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
  contactPreferenceRoutes,
  identificationRoutes,
  photoRegistrationRoutes,
  scannedCodeRoutes,
  scannerAssetRoutes,
  // GS1 Digital Link resolver: a catch-all for /01/... paths, so it goes last.
  resolverRoutes,
];

export const eventConsumers: readonly EventConsumer[] = [dailyEventCounts];
