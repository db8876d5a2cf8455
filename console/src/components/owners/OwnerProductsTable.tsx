// Every product the owner holds or held: stage, warranty today, maintenance due, proof of purchase, and
// what an agent can do with it (file a claim, transfer, retire).
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatDay, humanize } from '../../format';
import { useSession } from '../../session';
import { ConfirmButton } from '../ConfirmButton';
import { EmptyTableRow } from '../EmptyTableRow';
import { PhotoReadDetails } from '../identification/PhotoReadDetails';
import { identifiedByLabels, ownershipStatusColors, sourceLabels } from '../registrations/registrationLabels';
import { stageLabels } from '../resources/resourceLabels';
import type { OwnerOverviewProduct } from './overviewTypes';
import { CoverageSummary, MaintenanceSummary } from './ProductCoverage';

const proofColors: Record<OwnerOverviewProduct['proofStatus'], string> = { none: 'gray', submitted: 'blue', verified: 'green', rejected: 'red' };

export interface ProductActions {
  onFileClaim: (product: OwnerOverviewProduct) => void;
  onTransfer: (product: OwnerOverviewProduct) => void;
  onRetire: (product: OwnerOverviewProduct) => Promise<unknown>;
}

export function OwnerProductsTable({ products, highlightId, actions }: { products: OwnerOverviewProduct[]; highlightId: string | null; actions: ProductActions }) {
  const { can } = useSession();
  const highlighted = useRef<HTMLTableRowElement>(null);
  // Braces: scrollIntoView returns a promise in newer browsers, which React would take for a cleanup.
  useEffect(() => {
    highlighted.current?.scrollIntoView({ block: 'nearest' });
  }, [highlightId]);

  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Product</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Warranty today</Table.Th>
            <Table.Th>Maintenance</Table.Th>
            <Table.Th>Proof of purchase</Table.Th>
            <Table.Th>Bought / registered</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((product) => {
            const active = product.status === 'active';
            const isHighlighted = product.id === highlightId;
            return (
              <Table.Tr
                key={product.id}
                ref={isHighlighted ? highlighted : undefined}
                bg={isHighlighted ? 'var(--mantine-color-yellow-light)' : undefined}
                aria-current={isHighlighted ? 'true' : undefined}
                data-ownership-id={product.id}
              >
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
                      {product.serial ?? 'no serial'} · {product.model.sku}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={ownershipStatusColors[product.status]} variant="light">
                      {humanize(product.status)}
                    </Badge>
                    {active && (
                      <Badge color="gray" variant="outline">
                        {stageLabels[product.stage]}
                      </Badge>
                    )}
                    {product.safetyOnly && (
                      <Badge color="yellow" variant="light">
                        Safety only
                      </Badge>
                    )}
                    {product.openClaims ? (
                      <Badge color="orange" variant="light">
                        {product.openClaims} open claim{product.openClaims === 1 ? '' : 's'}
                      </Badge>
                    ) : null}
                  </Group>
                  {product.endedAt && (
                    <Text size="xs" c="dimmed">
                      since {formatDateTime(product.endedAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <CoverageSummary coverage={product.coverage} />
                </Table.Td>
                <Table.Td>
                  <MaintenanceSummary maintenance={product.maintenance} />
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
                <Table.Td>
                  <Text size="sm">{formatDay(product.purchaseDate)}{product.retailer ? `, ${product.retailer}` : ''}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(product.registeredAt)} · {sourceLabels[product.source]}, {identifiedByLabels[product.identifiedBy].toLowerCase()}
                  </Text>
                  <PhotoReadDetails ownershipId={product.id} identifiedBy={product.identifiedBy} model={product.model} />
                </Table.Td>
                <Table.Td>
                  {active && (
                    <Group gap={4} wrap="nowrap">
                      {can('claims:write') && (
                        <Button size="compact-xs" variant="light" onClick={() => actions.onFileClaim(product)}>
                          File claim
                        </Button>
                      )}
                      {can('owners:write') && (
                        <>
                          <Button size="compact-xs" variant="default" onClick={() => actions.onTransfer(product)}>
                            Transfer
                          </Button>
                          <ConfirmButton
                            size="compact-xs"
                            title={`Retire ${product.model.name}?`}
                            message="The product was disposed of (scrapped, recycled, lost). The owner keeps it in their history; its warranty ends."
                            confirmLabel="Retire"
                            onConfirm={() => actions.onRetire(product)}
                          >
                            Retire
                          </ConfirmButton>
                        </>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
          <EmptyTableRow show={products.length === 0} columns={7}>
            No products registered.
          </EmptyTableRow>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
