// The brand's product models: search by name or SKU, filter by category, open one to edit.
import { Alert, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../session';
import type { Model } from '../types';
import { useCategories } from '../useCategories';
import { useCursorList } from '../useCursorList';
import { EmptyTableRow } from '../components/EmptyTableRow';

export function CatalogPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const categories = useCategories();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  // Wait for a pause in typing rather than querying on every keystroke.
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const list = useCursorList<Model>('/models', { q: debouncedSearch || undefined, category: category ?? undefined });

  return (
    <>
      <PageHeader title="Catalog">
        {can('catalog:write') && (
          <Button component={Link} to="/catalog/new">
            New model
          </Button>
        )}
      </PageHeader>
      <Group mb="md" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Name or SKU"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
        />
        <Select label="Category" placeholder="All categories" data={categories} value={category} onChange={setCategory} clearable searchable w={260} />
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={720}>
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>SKU</Table.Th>
              <Table.Th>Category</Table.Th>
              <Table.Th>GTINs</Table.Th>
              <Table.Th>Warranty (parts / labour)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((model) => (
              <Table.Tr key={model.id} onClick={() => navigate(`/catalog/${model.id}`)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  {/* A real link too, so the row works from the keyboard and opens in a new tab. */}
                  <Text component={Link} to={`/catalog/${model.id}`} fw={500} c="inherit" td="none">
                    {model.name}
                  </Text>
                </Table.Td>
                <Table.Td ff="monospace">{model.sku}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray">
                    {model.category}
                  </Badge>
                </Table.Td>
                <Table.Td ff="monospace">{model.gtins.join(', ') || '—'}</Table.Td>
                <Table.Td>
                  {model.warranty.partsMonths} / {model.warranty.labourMonths} months
                </Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={5}>
              {search || category ? 'No models match.' : 'No models yet.'}
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
