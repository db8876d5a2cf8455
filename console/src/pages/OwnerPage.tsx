// One owner on one screen: who they are, what they own, what they agreed to, conflicts and messages.
import { Alert, Anchor, Badge, Breadcrumbs, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import { OwnerConsents } from '../components/owners/OwnerConsents';
import { OwnerDetailsCard } from '../components/owners/OwnerDetailsCard';
import { OwnerMessages } from '../components/owners/OwnerMessages';
import { OwnerProductsTable } from '../components/owners/OwnerProductsTable';
import { PageHeader } from '../components/PageHeader';
import { ConflictsTable } from '../components/registrations/ConflictsTable';
import { useSession } from '../session';
import type { OwnerDetail } from '../types';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={3}>{title}</Title>
      {children}
    </Stack>
  );
}

export function OwnerPage() {
  const { ownerId = '' } = useParams();
  const { can } = useSession();
  const [owner, setOwner] = useState<OwnerDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setOwner(null);
    setError(null);
    api
      .get<OwnerDetail>(`/owners/${ownerId}`)
      .then((loaded) => !cancelled && setOwner(loaded))
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, [ownerId]);

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
  const openConflicts = owner.conflicts.filter((conflict) => !conflict.resolvedAt).length;
  return (
    <Stack gap="xl" maw={1200}>
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
            {openConflicts > 0 && (
              <Badge color="orange" variant="light">
                {openConflicts} open conflict{openConflicts === 1 ? '' : 's'}
              </Badge>
            )}
          </Group>
        </PageHeader>
        <OwnerDetailsCard owner={owner} />
      </div>
      <Section title="Products">
        <OwnerProductsTable products={owner.ownerships} />
      </Section>
      <Section title="Consent">
        <OwnerConsents current={owner.consents} history={owner.consentHistory} />
      </Section>
      <Section title="Registration conflicts">
        <ConflictsTable conflicts={owner.conflicts} loading={false} emptyText="None: nobody else claimed this owner's products, and they claimed nobody else's." />
      </Section>
      {can('messages:read') && (
        <Section title="Messages">
          <OwnerMessages ownerId={owner.id} />
        </Section>
      )}
    </Stack>
  );
}
