// The brand's repair and service locations, which owners find by postal code or position.
import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { ServiceCentreFormModal } from '../components/serviceCentres/ServiceCentreFormModal';
import { type ServiceCentre, serviceLabels } from '../components/serviceCentres/serviceCentre';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';
import { useCursorList } from '../useCursorList';
import { upsertById } from '../upsertById';

type Shown = 'true' | 'false' | 'all';

export function ServiceCentresPage() {
  const { can } = useSession();
  const canChange = can('catalog:write');
  const [shown, setShown] = useState<Shown>('true');
  const list = useCursorList<ServiceCentre>('/service-centres', { active: shown === 'all' ? undefined : shown });
  // undefined: dialog closed; null: adding; a centre: editing it.
  const [editing, setEditing] = useState<ServiceCentre | null | undefined>(undefined);

  function saved(centre: ServiceCentre) {
    // A centre that no longer matches the filter leaves the list.
    list.setItems((items) => (shown === 'all' || String(centre.active) === shown ? upsertById(items, centre) : items.filter((item) => item.id !== centre.id)));
  }

  async function setActive(centre: ServiceCentre, active: boolean) {
    try {
      saved(await api.patch<ServiceCentre>(`/service-centres/${centre.id}`, { active }));
      notifySuccess(active ? `${centre.name} is shown to owners again.` : `${centre.name} is no longer shown to owners.`);
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <>
      <PageHeader title="Service centres">{canChange && <Button onClick={() => setEditing(null)}>Add service centre</Button>}</PageHeader>
      <SegmentedControl
        mb="md"
        value={shown}
        onChange={(value) => setShown(value as Shown)}
        data={[
          { value: 'true', label: 'Active' },
          { value: 'false', label: 'Inactive' },
          { value: 'all', label: 'All' },
        ]}
      />
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Address</Table.Th>
              <Table.Th>Contact</Table.Th>
              <Table.Th>Services</Table.Th>
              <Table.Th>Status</Table.Th>
              {canChange && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={canChange ? 6 : 5}>
              No service centres here yet.
            </EmptyTableRow>
            {list.items.map((centre) => (
              <Table.Tr key={centre.id}>
                <Table.Td fw={500}>{centre.name}</Table.Td>
                <Table.Td>
                  <Text size="sm">{[centre.addressLine1, centre.addressLine2].filter(Boolean).join(', ')}</Text>
                  <Text size="sm" c="dimmed">
                    {[centre.city, centre.region, centre.postalCode, centre.country].filter(Boolean).join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {centre.phone && <Text size="sm">{centre.phone}</Text>}
                  {centre.email && <Text size="sm">{centre.email}</Text>}
                  {centre.url && (
                    <Anchor size="sm" href={centre.url} target="_blank" rel="noreferrer">
                      Website
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{centre.services.map((service) => serviceLabels[service]).join(', ')}</Text>
                </Table.Td>
                <Table.Td>
                  {centre.active ? (
                    <Badge color="green" variant="light">
                      Active
                    </Badge>
                  ) : (
                    <Badge color="gray">Inactive</Badge>
                  )}
                </Table.Td>
                {canChange && (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(centre)}>
                        Edit
                      </Button>
                      <Button size="xs" variant="subtle" color={centre.active ? 'red' : 'green'} onClick={() => void setActive(centre, !centre.active)}>
                        {centre.active ? 'Deactivate' : 'Activate'}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
      <ServiceCentreFormModal centre={editing ?? null} opened={editing !== undefined} onClose={() => setEditing(undefined)} onSaved={saved} />
    </>
  );
}
