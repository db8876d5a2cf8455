// One import: its progress, then every rejected row with the reason, and the rejected rows as a CSV to fix and upload again.
import { Alert, Anchor, Breadcrumbs, Button, Code, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, apiBase } from '../api';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { ImportProgress } from '../components/imports/ImportProgress';
import { notifyError } from '../notify';
import type { ImportRejection, RegistrationImport } from '../types';
import { useCursorList } from '../useCursorList';

export function ImportPage() {
  const { importId = '' } = useParams();
  const [entry, setEntry] = useState<RegistrationImport | null>(null);
  const rejections = useCursorList<ImportRejection>(`/registration-imports/${importId}/rejections`);
  const running = entry?.status === 'receiving' || entry?.status === 'importing';

  useEffect(() => {
    let stopped = false;
    const load = () => api.get<RegistrationImport>(`/registration-imports/${importId}`).then((loaded) => !stopped && setEntry(loaded), notifyError);
    void load();
    const timer = running ? setInterval(() => void load(), 2000) : undefined;
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [importId, running]);

  // Rejections are final once the import has finished: load them again when it does.
  const reloadRejections = useRef(rejections.reload);
  reloadRejections.current = rejections.reload;
  const status = entry?.status;
  useEffect(() => {
    if (status === 'done' || status === 'failed') void reloadRejections.current();
  }, [status]);

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/imports">Registration imports</Anchor>
        <Text>{entry?.fileName ?? 'Import'}</Text>
      </Breadcrumbs>
      <PageHeader title={entry?.fileName ?? 'Import'}>
        {entry && entry.rowsRejected > 0 && (
          <Button component="a" variant="default" href={`${apiBase}/registration-imports/${importId}/rejections.csv`} download>
            Download rejected rows (CSV)
          </Button>
        )}
      </PageHeader>
      {entry && <ImportProgress entry={entry} />}
      {rejections.error && <Alert color="red">{rejections.error}</Alert>}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Line</Table.Th>
            <Table.Th>Why it was rejected</Table.Th>
            <Table.Th>Row</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <EmptyTableRow show={rejections.items.length === 0 && !rejections.loading} columns={3}>No rejected rows.</EmptyTableRow>
          {rejections.items.map((rejection) => (
            <Table.Tr key={rejection.line}>
              <Table.Td>{rejection.line}</Table.Td>
              <Table.Td>{rejection.reason}</Table.Td>
              <Table.Td><Code>{rejection.raw}</Code></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LoadMoreButton hasMore={rejections.hasMore} loading={rejections.loading} onLoadMore={() => void rejections.loadMore()} />
    </Stack>
  );
}
