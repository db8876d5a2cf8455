// Who the condition being edited would select today, before it is saved: a count and a few products.
import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { JourneyCondition } from '../../types';
import type { SegmentPreview } from './segmentTypes';

export function SegmentPreviewPanel({ condition }: { condition: JourneyCondition }) {
  const [preview, setPreview] = useState<SegmentPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function run() {
    setLoading(true);
    setError(null);
    try {
      setPreview(await api.post<SegmentPreview>('/segments/preview', { condition, sample: 10 }));
    } catch (caught) {
      setPreview(null);
      setError(caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught));
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      <Group>
        <Button variant="light" onClick={() => void run()} loading={loading}>
          Who meets it now?
        </Button>
        {preview && (
          <Text size="sm">
            <b>{preview.count.toLocaleString()}</b> product{preview.count === 1 ? '' : 's'} meet{preview.count === 1 ? 's' : ''} this condition today.
          </Text>
        )}
      </Group>
      {error && (
        <Alert color="red" mt="sm">
          {error}
        </Alert>
      )}
      {preview && preview.sample.length > 0 && (
        <Table mt="sm" verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Product</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((product) => (
              <Table.Tr key={product.ownershipId}>
                <Table.Td>
                  {product.ownerName} <Text span c="dimmed" size="xs">{product.ownerEmail}</Text>
                </Table.Td>
                <Table.Td>
                  {product.modelName} <Text span c="dimmed" size="xs" ff="monospace">{product.serial ?? ''}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
