// For a registration whose product was identified from a photo: what OpenOX read versus what the owner
// confirmed, fetched when asked for (most rows never are).
import { Alert, Anchor, Badge, Group, Loader, Popover, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { formatDateTime, formatDay } from '../../format';
import type { IdentifiedBy, ModelRef } from '../../types';
import type { OwnershipPhotoRead } from './photoReadTypes';

interface Comparison {
  field: string;
  label: string;
  read: string | null;
  confirmed: string | null;
}

function money(amount: { minor: number; currency: string } | null | undefined): string | null {
  if (!amount) return null;
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: amount.currency });
  return format.format(amount.minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** The fields of a read next to what was registered; the model is compared by the registration's own. */
function comparisons(read: OwnershipPhotoRead, model: ModelRef): Comparison[] {
  const confirmed = read.confirmed ?? {};
  if (read.kind === 'label') {
    return [
      { field: 'model', label: 'Model', read: read.read.model?.value ?? null, confirmed: read.confirmed ? model.sku : null },
      { field: 'serial', label: 'Serial', read: read.read.serial?.value ?? null, confirmed: confirmed.serial ?? null },
    ];
  }
  return [
    { field: 'purchaseDate', label: 'Bought on', read: read.read.purchaseDate ? formatDay(read.read.purchaseDate.value) : null, confirmed: confirmed.purchaseDate ? formatDay(confirmed.purchaseDate) : null },
    { field: 'retailer', label: 'Retailer', read: read.read.retailer?.value ?? null, confirmed: confirmed.retailer ?? null },
    { field: 'amount', label: 'Amount', read: money(read.read.amount), confirmed: money(confirmed.amount) },
  ];
}

export function PhotoReadDetails({ ownershipId, identifiedBy, model }: { ownershipId: string; identifiedBy: IdentifiedBy; model: ModelRef }) {
  const [reads, setReads] = useState<OwnershipPhotoRead[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (identifiedBy !== 'photo') return null;

  const load = () => {
    if (reads) return;
    api
      .get<{ data: OwnershipPhotoRead[] }>(`/ownerships/${ownershipId}/photo-reads`)
      .then((result) => setReads(result.data))
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  };

  return (
    <Popover width={380} position="bottom-start" withArrow shadow="md" onOpen={load}>
      <Popover.Target>
        <Anchor component="button" type="button" size="xs">
          Read vs confirmed
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown>
        {error && <Alert color="red">{error}</Alert>}
        {!reads && !error && <Loader size="sm" aria-label="Loading the photo reads" />}
        {reads && reads.length === 0 && (
          <Text size="sm" c="dimmed">
            No photo read is linked to this registration.
          </Text>
        )}
        <Stack gap="sm">
          {reads?.map((read) => (
            <div key={read.id}>
              <Group gap={6} mb={4}>
                <Text size="xs" c="dimmed">
                  {read.kind === 'label' ? 'Label photo' : 'Receipt photo'}, {formatDateTime(read.createdAt)}, read by {read.method === 'ocr' ? 'OCR' : read.method}
                </Text>
                {read.needsConfirmation && (
                  <Badge size="xs" color="yellow" variant="light">
                    Owner asked to confirm
                  </Badge>
                )}
                {read.photoUrl && (
                  <Anchor href={read.photoUrl} target="_blank" rel="noreferrer" size="xs">
                    Photo
                  </Anchor>
                )}
              </Group>
              <Table withTableBorder fz="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Field</Table.Th>
                    <Table.Th>Read</Table.Th>
                    <Table.Th>Confirmed</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {comparisons(read, model).map((row) => {
                    const corrected = read.correctedFields.includes(row.field);
                    return (
                      <Table.Tr key={row.field} bg={corrected ? 'var(--mantine-color-orange-light)' : undefined}>
                        <Table.Td>{row.label}</Table.Td>
                        <Table.Td ff="monospace">{row.read ?? '—'}</Table.Td>
                        <Table.Td ff="monospace">
                          {row.confirmed ?? '—'}
                          {corrected && (
                            <Text span size="xs" c="orange.9" ml={4}>
                              corrected
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
