// Routes: sign-in while signed out, otherwise the shell with one route per section.
import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RequirePermission } from './components/RequirePermission';
import { AgentTasksPage } from './pages/AgentTasksPage';
import { ApiKeysPage } from './pages/ApiKeysPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { BrandSettingsPage } from './pages/BrandSettingsPage';
import { CatalogPage } from './pages/CatalogPage';
import { ClaimCategoriesPage } from './pages/ClaimCategoriesPage';
import { ClaimPage } from './pages/ClaimPage';
import { ClaimsPage } from './pages/ClaimsPage';
import { HomePage } from './pages/HomePage';
import { ImportPage } from './pages/ImportPage';
import { ImportsPage } from './pages/ImportsPage';
import { JourneyPage } from './pages/JourneyPage';
import { JourneysPage } from './pages/JourneysPage';
import { MessagingSettingsPage } from './pages/MessagingSettingsPage';
import { ModelPage } from './pages/ModelPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OutboxPage } from './pages/OutboxPage';
import { OwnerPage } from './pages/OwnerPage';
import { OwnersPage } from './pages/OwnersPage';
import { PhotoReadAccuracyPage } from './pages/PhotoReadAccuracyPage';
import { RegistrationConflictsPage } from './pages/RegistrationConflictsPage';
import { RegistrationSettingsPage } from './pages/RegistrationSettingsPage';
import { RegistrationsPage } from './pages/RegistrationsPage';
import { SegmentPage } from './pages/SegmentPage';
import { SegmentsPage } from './pages/SegmentsPage';
import { ReviewsPage } from './pages/ReviewsPage';
import { ServiceCentresPage } from './pages/ServiceCentresPage';
import { SignInPage } from './pages/SignInPage';
import { StaffPage } from './pages/StaffPage';
import { TemplatePage } from './pages/TemplatePage';
import { TemplatesPage } from './pages/TemplatesPage';
import { useSession } from './session';
import { brandTheme } from './theme';

// Vite's base ('/console/') without the trailing slash, which is what the router expects.
const basename = import.meta.env.BASE_URL.replace(/\/$/, '');

export function App() {
  const { session } = useSession();
  const primaryColor = session?.brand.primaryColor;
  const theme = useMemo(() => brandTheme(primaryColor), [primaryColor]);

  return (
    <MantineProvider theme={theme}>
      {/* Bottom right: top-right toasts would cover the header's sign-out button. */}
      <Notifications position="top-center" />
      <BrowserRouter basename={basename}>
        {session === undefined ? (
          <Center h="100vh">
            <Loader aria-label="Loading" />
          </Center>
        ) : session === null ? (
          <SignInPage />
        ) : (
          <Routes>
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="catalog" element={<RequirePermission permission="catalog:read"><CatalogPage /></RequirePermission>} />
              <Route path="catalog/new" element={<RequirePermission permission="catalog:write"><ModelPage /></RequirePermission>} />
              <Route path="catalog/:modelId" element={<RequirePermission permission="catalog:read"><ModelPage /></RequirePermission>} />
              <Route path="service-centres" element={<RequirePermission permission="catalog:read"><ServiceCentresPage /></RequirePermission>} />
              <Route path="owners" element={<RequirePermission permission="owners:read"><OwnersPage /></RequirePermission>} />
              <Route path="owners/:ownerId" element={<RequirePermission permission="owners:read"><OwnerPage /></RequirePermission>} />
              <Route path="registrations" element={<RequirePermission permission="owners:read"><RegistrationsPage /></RequirePermission>} />
              <Route path="imports" element={<RequirePermission permission="registrations:import"><ImportsPage /></RequirePermission>} />
              <Route path="imports/:importId" element={<RequirePermission permission="registrations:import"><ImportPage /></RequirePermission>} />
              <Route path="registration-conflicts" element={<RequirePermission permission="owners:read"><RegistrationConflictsPage /></RequirePermission>} />
              <Route path="photo-read-accuracy" element={<RequirePermission permission="owners:read"><PhotoReadAccuracyPage /></RequirePermission>} />
              <Route path="outbox" element={<RequirePermission permission="messages:read"><OutboxPage /></RequirePermission>} />
              <Route path="messaging-settings" element={<RequirePermission permission="messages:read"><MessagingSettingsPage /></RequirePermission>} />
              <Route path="templates" element={<RequirePermission permission="messages:read"><TemplatesPage /></RequirePermission>} />
              <Route path="templates/:key" element={<RequirePermission permission="messages:read"><TemplatePage /></RequirePermission>} />
              <Route path="journeys" element={<RequirePermission permission="journeys:read"><JourneysPage /></RequirePermission>} />
              <Route path="journeys/new" element={<RequirePermission permission="journeys:write"><JourneyPage /></RequirePermission>} />
              <Route path="journeys/:journeyId" element={<RequirePermission permission="journeys:read"><JourneyPage /></RequirePermission>} />
              <Route path="segments" element={<RequirePermission permission="journeys:read"><SegmentsPage /></RequirePermission>} />
              <Route path="segments/new" element={<RequirePermission permission="journeys:write"><SegmentPage /></RequirePermission>} />
              <Route path="segments/:segmentId" element={<RequirePermission permission="journeys:read"><SegmentPage /></RequirePermission>} />
              <Route path="tasks" element={<RequirePermission permission="owners:read"><AgentTasksPage /></RequirePermission>} />
              <Route path="reviews" element={<RequirePermission permission="owners:read"><ReviewsPage /></RequirePermission>} />
              <Route path="claims" element={<RequirePermission permission="claims:read"><ClaimsPage /></RequirePermission>} />
              <Route path="claims/:claimId" element={<RequirePermission permission="claims:read"><ClaimPage /></RequirePermission>} />
              <Route path="claim-categories" element={<RequirePermission permission="claims:read"><ClaimCategoriesPage /></RequirePermission>} />
              <Route path="registration-settings" element={<RequirePermission permission="registration_settings:manage"><RegistrationSettingsPage /></RequirePermission>} />
              <Route path="staff" element={<RequirePermission permission="staff:read"><StaffPage /></RequirePermission>} />
              <Route path="api-keys" element={<RequirePermission permission="api_keys:manage"><ApiKeysPage /></RequirePermission>} />
              <Route path="audit-log" element={<RequirePermission permission="audit:read"><AuditLogPage /></RequirePermission>} />
              <Route path="brand" element={<RequirePermission permission="brand:manage"><BrandSettingsPage /></RequirePermission>} />
              <Route path="sign-in" element={<Navigate to="/" replace />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        )}
      </BrowserRouter>
    </MantineProvider>
  );
}
