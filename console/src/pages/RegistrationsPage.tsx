// Registered products, most recent first, filtered by model, how they were registered, retailer and date.
import { Alert, Anchor, Autocomplete, Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { PhotoReadDetails } from '../components/identification/PhotoReadDetails';
import { ModelSelect } from '../components/registrations/ModelSelect';
import { identifiedByLabels, ownershipStatusColors, sourceLabels, sourceOptions } from '../components/registrations/registrationLabels';
import { formatDateTime, formatDay, humanize } from '../format';
import type { Registration, RegistrationSettings } from '../types';
import { useCursorList } from '../useCursorList';

/** The brand's retailer list as suggestions; the filter still takes any name. */
function useRetailerSuggestions(): string[] {
  const [retailers, setRetailers] = useState<string[]>([]);
  useEffect(() => {
    let cancelled = false;
    api
      .get<RegistrationSettings>('/registration-settings')
      .then((settings) => !cancelled && setRetailers(settings.retailers))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return retailers;
}

export function RegistrationsPage() {
  const retailers = useRetailerSuggestions();
  const [model, setModel] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [retailer, setRetailer] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [debouncedRetailer] = useDebouncedValue(retailer.trim(), 400);
  const rangeReversed = from !== '' && to !== '' && from > to;
  const list = useCursorList<Registration>('/registrations', {
    model: model ?? undefined,
    source: source ?? undefined,
    retailer: debouncedRetailer || undefined,
    // A reversed range is pointed out under the field instead of being sent for a 400.
    from: rangeReversed ? undefined : from || undefined,
    to: rangeReversed ? undefined : to || undefined,
  });
  const filtered = Boolean(model || source || debouncedRetailer || from || to);

  return (
    <>
      <PageHeader title="Registrations" />
      <Group mb="md" align="flex-start">
        <ModelSelect label="Model" placeholder="All models" value={model} onChange={setModel} w={280} />
        <Select label="Registered by" placeholder="Any way" data={sourceOptions} value={source} onChange={setSource} clearable w={180} />
        <Autocomplete label="Retailer" placeholder="Exact name" data={retailers} value={retailer} onChange={setRetailer} w={220} />
        <TextInput label="From" type="date" value={from} onChange={(event) => setFrom(event.currentTarget.value)} w={170} />
        <TextInput
          label="To"
          type="date"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={rangeReversed ? 'Before the start date' : undefined}
          w={170}
        />
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Registered</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Model</Table.Th>
              <Table.Th>Serial</Table.Th>
              <Table.Th>Bought</Table.Th>
              <Table.Th>Retailer</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((registration) => (
              <Table.Tr key={registration.id}>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(registration.registeredAt)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {sourceLabels[registration.source]}, {identifiedByLabels[registration.identifiedBy].toLowerCase()}
                  </Text>
                  <PhotoReadDetails ownershipId={registration.id} identifiedBy={registration.identifiedBy} model={registration.model} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/owners/${registration.owner.id}`} size="sm" fw={500}>
                      {registration.owner.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {registration.owner.email}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{registration.model.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {registration.model.sku}
                  </Text>
                </Table.Td>
                <Table.Td ff="monospace">{registration.serial ?? '—'}</Table.Td>
                <Table.Td>{formatDay(registration.purchaseDate)}</Table.Td>
                <Table.Td>{registration.retailer ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={ownershipStatusColors[registration.status]} variant="light">
                    {humanize(registration.status)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={7}>
              {filtered ? 'No registrations match.' : 'No registrations yet.'}
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
