// What this version of OpenOX is made of: its HTTP route modules and its event consumers.
import { apiKeyRoutes } from './access/api-keys.routes.ts';
import { auditRoutes } from './access/audit.routes.ts';
import { sessionRoutes } from './access/session.routes.ts';
import { staffRoutes } from './access/staff.routes.ts';
import { dailyEventCounts } from './analytics/daily-event-counts.ts';
import { brandRoutes } from './brands/brand.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import type { EventConsumer } from './platform/events/consumers.ts';
import { eventRoutes } from './platform/events/events.routes.ts';
import { fileRoutes } from './platform/files/files.routes.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import type { RouteModule } from './platform/http/server.ts';

export const routeModules: readonly RouteModule[] = [
  healthRoutes,
  sessionRoutes,
  brandRoutes,
  staffRoutes,
  apiKeyRoutes,
  auditRoutes,
  fileRoutes,
  catalogRoutes,
  eventRoutes,
];

export const eventConsumers: readonly EventConsumer[] = [dailyEventCounts];
