// Find an owner from one box: an email, a phone number, a serial, a claim number or a name.
import { Alert, Badge, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { matchLabels, ownerPath, useOwnerFinder } from '../components/owners/ownerFinder';
import type { OwnerHit, OwnerMatch } from '../components/owners/overviewTypes';
import { formatDateTime } from '../format';
import { useCursorList } from '../useCursorList';

function MatchBadges({ matches }: { matches: OwnerMatch[] }) {
  return (
    <Group gap={4}>
      {matches.map((match, index) => (
        <Badge key={index} variant="light" color={match.ownershipStatus && match.ownershipStatus !== 'active' ? 'gray' : 'blue'} size="sm">
          {match.on === 'claim' ? `Claim ${match.claimNumber}` : matchLabels[match.on]}
          {match.on === 'serial' && match.ownershipStatus !== 'active' ? ' (former owner)' : ''}
        </Badge>
      ))}
    </Group>
  );
}

export function OwnersPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const { find } = useOwnerFinder();
  // Wait for a pause in typing rather than querying on every keystroke.
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const list = useCursorList<OwnerHit>('/owners', { q: debouncedSearch || undefined });

  // The term lives in the URL too: the header's search box sends several matches here, and Back returns
  // to the list. Only a term that did not come from this box replaces what is typed in it.
  const fromUrl = params.get('q') ?? '';
  const inUrl = useRef(fromUrl);
  useEffect(() => {
    if (fromUrl === inUrl.current) return;
    inUrl.current = fromUrl;
    setSearch(fromUrl);
  }, [fromUrl]);
  useEffect(() => {
    if (debouncedSearch === inUrl.current) return;
    inUrl.current = debouncedSearch;
    setParams(debouncedSearch ? { q: debouncedSearch } : {}, { replace: true });
  }, [debouncedSearch, setParams]);

  return (
    <>
      <PageHeader title="Owners" />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void find(search);
        }}
      >
        <TextInput
          label="Search owners"
          description="An email, a phone number, a serial number, a claim number (C-10482) or a name. Enter opens the owner when only one matches."
          placeholder="jane@example.com, (415) 555-0132, SN12345678, C-10482, Jane Smith"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maw={620}
          mb="md"
        />
      </form>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={860}>
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Phone</Table.Th>
              {debouncedSearch && <Table.Th>Matched on</Table.Th>}
              <Table.Th ta="right">Products</Table.Th>
              <Table.Th>Owner since</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((owner) => (
              <Table.Tr key={owner.id} onClick={() => navigate(ownerPath(owner))} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {/* A real link too, so the row works from the keyboard and opens in a new tab. */}
                    <Text component={Link} to={ownerPath(owner)} fw={500} c="inherit" td="none">
                      {owner.name}
                    </Text>
                    {owner.safetyOnly && (
                      <Badge color="yellow" variant="light" size="sm">
                        Safety only
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{owner.email}</Table.Td>
                <Table.Td>{owner.phone ?? '—'}</Table.Td>
                {debouncedSearch && (
                  <Table.Td>
                    <MatchBadges matches={owner.matches} />
                  </Table.Td>
                )}
                <Table.Td ta="right">{owner.productCount}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(owner.createdAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={debouncedSearch ? 6 : 5}>
              {debouncedSearch ? 'No owner matches.' : 'No owners yet.'}
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
