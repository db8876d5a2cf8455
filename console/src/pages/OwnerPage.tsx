// The agent's 360° view: one owner on one screen, with what they own, their warranty, maintenance,
// claims, calls, messages and a timeline, and the actions a call usually needs.
import { Alert, Anchor, Badge, Breadcrumbs, Button, Center, Grid, Group, Loader, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api';
import { NewClaimModal } from '../components/claims/NewClaimModal';
import { LogCallModal } from '../components/owners/LogCallModal';
import { OwnerCalls } from '../components/owners/OwnerCalls';
import { OwnerClaimsTable } from '../components/owners/OwnerClaimsTable';
import { OwnerConsents } from '../components/owners/OwnerConsents';
import { OwnerDetailsCard } from '../components/owners/OwnerDetailsCard';
import { OwnerMessages } from '../components/owners/OwnerMessages';
import { OwnerProductsTable } from '../components/owners/OwnerProductsTable';
import { OwnerReachCard } from '../components/owners/OwnerReachCard';
import { OwnerTelemetry } from '../components/owners/OwnerTelemetry';
import { OwnerTimeline } from '../components/owners/OwnerTimeline';
import type { OwnerOverview, OwnerOverviewProduct } from '../components/owners/overviewTypes';
import { TransferOwnershipModal } from '../components/owners/TransferOwnershipModal';
import { PageHeader } from '../components/PageHeader';
import { ConflictsTable } from '../components/registrations/ConflictsTable';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3}>{title}</Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

export function OwnerPage() {
  const { ownerId = '' } = useParams();
  const [params] = useSearchParams();
  const { can } = useSession();
  const [owner, setOwner] = useState<OwnerOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [claimFor, setClaimFor] = useState<string | null>(null);
  const [transferring, setTransferring] = useState<OwnerOverviewProduct | null>(null);
  const [loggingCall, setLoggingCall] = useState(false);
  const [lastTransfer, setLastTransfer] = useState<{ ownerId: string; product: string } | null>(null);

  const load = useCallback(() => api.get<OwnerOverview>(`/owners/${ownerId}/overview`), [ownerId]);
  const reload = useCallback(() => load().then(setOwner).catch(notifyError), [load]);
  useEffect(() => {
    let cancelled = false;
    // Another owner (a link from this page): nothing of the previous one stays open.
    setOwner(null);
    setError(null);
    setLastTransfer(null);
    setClaimFor(null);
    setTransferring(null);
    setLoggingCall(false);
    load()
      .then((loaded) => !cancelled && setOwner(loaded))
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, [load]);

  const productName = useMemo(() => {
    const names = new Map(owner?.ownerships.map((product) => [product.id, `${product.model.name}${product.serial ? ` (${product.serial})` : ''}`]));
    return (id: unknown) => names.get(id as string) ?? 'a product';
  }, [owner]);

  if (error) {
    return (
      <Alert color="red" title="Could not load the owner">
        {error}
      </Alert>
    );
  }
  if (!owner) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading owner" />
      </Center>
    );
  }

  const activeCount = owner.ownerships.filter((product) => product.status === 'active').length;
  const openClaims = owner.ownerships.reduce((sum, product) => sum + (product.openClaims ?? 0), 0);
  const openConflicts = owner.conflicts.filter((conflict) => !conflict.resolvedAt).length;
  const claimNumber = (claimId: string) => owner.claims?.find((claim) => claim.id === claimId)?.number ?? null;
  const retire = (product: OwnerOverviewProduct) =>
    api
      .post(`/ownerships/${product.id}/retire`)
      .then(() => notifySuccess(`${product.model.name} retired.`))
      .then(reload)
      .catch((caught: unknown) => {
        notifyError(caught);
        throw caught;
      });

  return (
    <Stack gap="lg" maw={1400}>
      <div>
        <Breadcrumbs mb="sm">
          <Anchor component={Link} to="/owners">
            Owners
          </Anchor>
          <Text>{owner.name}</Text>
        </Breadcrumbs>
        <PageHeader title={owner.name}>
          <Group gap="xs">
            <Badge variant="light">
              {activeCount} product{activeCount === 1 ? '' : 's'}
            </Badge>
            {openClaims > 0 && (
              <Badge color="orange" variant="light">
                {openClaims} open claim{openClaims === 1 ? '' : 's'}
              </Badge>
            )}
            {openConflicts > 0 && (
              <Badge color="orange" variant="light">
                {openConflicts} open conflict{openConflicts === 1 ? '' : 's'}
              </Badge>
            )}
          </Group>
          {can('owners:write') && <Button onClick={() => setLoggingCall(true)}>Log a call</Button>}
        </PageHeader>
        {lastTransfer && (
          <Alert color="green" mb="md" withCloseButton onClose={() => setLastTransfer(null)}>
            {lastTransfer.product} was transferred.{' '}
            <Anchor component={Link} to={`/owners/${lastTransfer.ownerId}`}>
              Open its new owner
            </Anchor>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <OwnerDetailsCard owner={owner} />
          <OwnerReachCard owner={owner} />
        </SimpleGrid>
      </div>

      <Section title="Products">
        <OwnerProductsTable
          products={owner.ownerships}
          highlightId={params.get('ownership')}
          actions={{ onFileClaim: (product) => setClaimFor(product.id), onTransfer: setTransferring, onRetire: retire }}
        />
      </Section>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {owner.claims && (
              <Section title="Claims">
                <OwnerClaimsTable claims={owner.claims} highlightId={params.get('claim')} />
              </Section>
            )}
            <Section title="Calls">
              <OwnerCalls calls={owner.calls} product={productName} claimNumber={claimNumber} />
            </Section>
            {owner.productTelemetry.length > 0 && (
              <Section title="Product telemetry">
                <OwnerTelemetry telemetry={owner.productTelemetry} product={productName} />
              </Section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title="Timeline">
            <OwnerTimeline entries={owner.timeline} product={productName} />
          </Section>
        </Grid.Col>
      </Grid>

      <Tabs defaultValue={can('messages:read') ? 'messages' : 'consent'} keepMounted={false}>
        <Tabs.List>
          {can('messages:read') && <Tabs.Tab value="messages">Messages sent</Tabs.Tab>}
          <Tabs.Tab value="consent">Consent history</Tabs.Tab>
          <Tabs.Tab value="conflicts">Registration conflicts</Tabs.Tab>
        </Tabs.List>
        {can('messages:read') && (
          <Tabs.Panel value="messages" pt="md">
            <OwnerMessages ownerId={owner.id} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="consent" pt="md">
          <OwnerConsents ownerId={owner.id} current={owner.consents} history={owner.consentHistory} />
        </Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="md">
          <ConflictsTable conflicts={owner.conflicts} loading={false} emptyText="None: nobody else claimed this owner's products, and they claimed nobody else's." />
        </Tabs.Panel>
      </Tabs>

      <NewClaimModal ownershipId={claimFor ?? ''} opened={claimFor !== null} onClose={() => setClaimFor(null)} />
      <TransferOwnershipModal
        product={transferring}
        onClose={() => setTransferring(null)}
        onTransferred={(newOwnerId) => {
          if (transferring) setLastTransfer({ ownerId: newOwnerId, product: productName(transferring.id) });
          setTransferring(null);
          void reload();
        }}
      />
      <LogCallModal
        owner={owner}
        opened={loggingCall}
        onClose={() => setLoggingCall(false)}
        onLogged={() => {
          setLoggingCall(false);
          void reload();
        }}
      />
    </Stack>
  );
}
