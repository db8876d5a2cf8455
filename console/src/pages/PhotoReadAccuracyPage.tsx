// How often owners corrected what OpenOX read from their photos of rating labels (or receipts), and how
// often they were asked to confirm, week by week or month by month: whether the brand's labels are legible.
import { Alert, Group, Loader, Progress, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { EmptyTableRow } from '../components/EmptyTableRow';
import type { PhotoReadAccuracy, PhotoReadFigures, PhotoReadKind } from '../components/identification/photoReadTypes';
import { PageHeader } from '../components/PageHeader';
import { formatDay } from '../format';

type Bucket = 'week' | 'month';
const monthName = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const fieldNames: Record<PhotoReadKind, [string, string][]> = {
  label: [['model', 'Model corrected'], ['serial', 'Serial corrected']],
  receipt: [['purchaseDate', 'Date corrected'], ['retailer', 'Store corrected'], ['amount', 'Amount corrected']],
};

/** A share as a bar and a percentage; a dash when there is nothing to divide by. */
function Share({ part, whole, color }: { part: number; whole: number; color: string }) {
  if (whole === 0) return <Text size="sm" c="dimmed">—</Text>;
  const percent = Math.round((part / whole) * 100);
  return (
    <Stack gap={2} miw={100}>
      <Text size="sm">
        {percent}%{' '}
        <Text span size="xs" c="dimmed">
          ({part} of {whole})
        </Text>
      </Text>
      <Progress value={percent} color={color} size="sm" aria-label={`${percent}%`} />
    </Stack>
  );
}

function Figures({ figures, kind }: { figures: PhotoReadFigures; kind: PhotoReadKind }) {
  return (
    <>
      <Table.Td ta="right">{figures.reads}</Table.Td>
      <Table.Td><Share part={figures.unreadable} whole={figures.reads} color="gray" /></Table.Td>
      <Table.Td><Share part={figures.askedToConfirm} whole={figures.reads} color="yellow" /></Table.Td>
      <Table.Td><Share part={figures.corrected} whole={figures.confirmed} color="orange" /></Table.Td>
      {fieldNames[kind].map(([field]) => (
        <Table.Td key={field}><Share part={figures.correctedByField[field] ?? 0} whole={figures.confirmed} color="red" /></Table.Td>
      ))}
      <Table.Td ta="right">{figures.medianMs === null ? '—' : `${(figures.medianMs / 1000).toFixed(1)} s`}</Table.Td>
    </>
  );
}

export function PhotoReadAccuracyPage() {
  const [kind, setKind] = useState<PhotoReadKind>('label');
  const [bucket, setBucket] = useState<Bucket>('week');
  const [accuracy, setAccuracy] = useState<PhotoReadAccuracy | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setAccuracy(null);
    setError(null);
    // Twelve weeks, or twelve months, up to today.
    const to = new Date();
    const from = new Date(to);
    if (bucket === 'week') from.setUTCDate(from.getUTCDate() - 83);
    else from.setUTCMonth(from.getUTCMonth() - 11, 1);
    api
      .get<PhotoReadAccuracy>('/photo-reads/accuracy', { kind, bucket, from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) })
      .then((result) => !cancelled && setAccuracy(result))
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, [kind, bucket]);

  const periods = accuracy ? [...accuracy.buckets].reverse() : [];
  const columns = 6 + fieldNames[kind].length;
  return (
    <>
      <PageHeader title="Photo-read accuracy" />
      <Text c="dimmed" mb="md" maw={780}>
        Owners can photograph the {kind === 'label' ? 'rating label' : 'receipt'} instead of typing; OpenOX reads it and they check or correct the values before registering.
        Many corrections, or many owners asked to confirm, point to {kind === 'label' ? 'labels that are hard to read: small print, glare, or a serial rule that does not match what is printed' : 'receipts that are hard to read'}.
      </Text>
      <Group mb="md">
        <SegmentedControl value={kind} onChange={(value) => setKind(value as PhotoReadKind)} data={[{ value: 'label', label: 'Label photos' }, { value: 'receipt', label: 'Receipt photos' }]} />
        <SegmentedControl value={bucket} onChange={(value) => setBucket(value as Bucket)} data={[{ value: 'week', label: 'By week' }, { value: 'month', label: 'By month' }]} />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!accuracy && !error && <Loader aria-label="Loading photo-read accuracy" />}
      {accuracy && (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{bucket === 'week' ? 'Week' : 'Month'}</Table.Th>
                <Table.Th ta="right">Photos read</Table.Th>
                <Table.Th>Nothing read</Table.Th>
                <Table.Th>Owner asked to confirm</Table.Th>
                <Table.Th>Owner corrected</Table.Th>
                {fieldNames[kind].map(([field, label]) => (
                  <Table.Th key={field}>{label}</Table.Th>
                ))}
                <Table.Th ta="right">Median read time</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accuracy.total.reads > 0 && (
                <Table.Tr fw={600}>
                  <Table.Td>All {periods.length} {bucket}s</Table.Td>
                  <Figures figures={accuracy.total} kind={kind} />
                </Table.Tr>
              )}
              {accuracy.total.reads > 0 &&
                periods.map((period) => (
                  <Table.Tr key={period.start}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{bucket === 'week' ? `Week of ${formatDay(period.start)}` : monthName.format(new Date(`${period.start}T00:00:00Z`))}</Table.Td>
                    <Figures figures={period} kind={kind} />
                  </Table.Tr>
                ))}
              <EmptyTableRow show={accuracy.total.reads === 0} columns={columns}>
                No {kind} photos have been read in this time.
              </EmptyTableRow>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
