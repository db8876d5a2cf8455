// Every product the owner registered, active or passed on, with how it was registered and its proof of purchase.
import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatDay, humanize } from '../../format';
import { useSession } from '../../session';
import type { OwnerProduct } from '../../types';
import { EmptyTableRow } from '../EmptyTableRow';
import { stageLabels } from '../resources/resourceLabels';
import { identifiedByLabels, ownershipStatusColors, sourceLabels } from '../registrations/registrationLabels';

const proofColors: Record<OwnerProduct['proofStatus'], string> = { none: 'gray', submitted: 'blue', verified: 'green', rejected: 'red' };

export function OwnerProductsTable({ products }: { products: OwnerProduct[] }) {
  const { can } = useSession();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Model</Table.Th>
            <Table.Th>Serial</Table.Th>
            <Table.Th>Bought</Table.Th>
            <Table.Th>Retailer</Table.Th>
            <Table.Th>Registered</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Proof of purchase</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((product) => (
            <Table.Tr key={product.id}>
              <Table.Td>
                <Stack gap={0}>
                  {can('catalog:read') ? (
                    <Anchor component={Link} to={`/catalog/${product.model.id}`} size="sm" fw={500}>
                      {product.model.name}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={500}>
                      {product.model.name}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" ff="monospace">
                    {product.model.sku}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {product.serial ?? '—'}
                </Text>
                {product.manufacturedOn && (
                  <Text size="xs" c="dimmed">
                    made {formatDay(product.manufacturedOn)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDay(product.purchaseDate)}</Table.Td>
              <Table.Td>{product.retailer ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(product.registeredAt)}
                </Text>
                <Text size="xs" c="dimmed">
                  {sourceLabels[product.source]}, {identifiedByLabels[product.identifiedBy].toLowerCase()}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={ownershipStatusColors[product.status]} variant="light">
                    {humanize(product.status)}
                  </Badge>
                  {product.status === 'active' && (
                    <Badge color="gray" variant="outline">
                      {stageLabels[product.stage]}
                    </Badge>
                  )}
                  {product.safetyOnly && (
                    <Badge color="yellow" variant="light">
                      Safety only
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Badge color={proofColors[product.proofStatus]} variant="light">
                    {product.proofStatus === 'none' ? 'None' : humanize(product.proofStatus)}
                  </Badge>
                  {product.proofFileUrl && (
                    <Anchor href={product.proofFileUrl} target="_blank" rel="noreferrer" size="sm">
                      View
                    </Anchor>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          <EmptyTableRow show={products.length === 0} columns={7}>
            No products registered.
          </EmptyTableRow>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
