// Bulk import of historical registrations from CSV: upload, watch it run, open one to see its rejected rows.
import { Alert, Button, Card, FileButton, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { ImportProgress } from '../components/imports/ImportProgress';
import { formatDateTime } from '../format';
import { notifyError } from '../notify';
import type { RegistrationImport } from '../types';
import { useCursorList } from '../useCursorList';

const columns = 'email, name, phone, gtin or sku, serial, purchase_date, retailer, postal_code, country, registered_at, email_consent, sms_consent, language';

export function ImportsPage() {
  const list = useCursorList<RegistrationImport>('/registration-imports');
  const [wording, setWording] = useState('');
  const [uploading, setUploading] = useState(false);
  const running = list.items.some((entry) => entry.status === 'receiving' || entry.status === 'importing');

  // While an import runs, its progress is refreshed every two seconds.
  const reload = useRef(list.reload);
  reload.current = list.reload;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload.current(), 2000);
    return () => clearInterval(timer);
  }, [running]);

  async function upload(file: File | null) {
    if (!file) return;
    setUploading(true);
    try {
      const form = new FormData();
      if (wording.trim()) form.append('consentWording', wording.trim());
      form.append('file', file);
      await api.postForm<RegistrationImport>('/registration-imports', form);
      await list.reload();
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading(false);
    }
  }

  return (
    <>
      <PageHeader title="Registration imports" />
      <Card withBorder mb="lg">
        <Stack gap="sm">
          <Title order={4}>Import historical registrations</Title>
          <Text size="sm">A CSV with a header row. Columns: {columns}. Good rows are imported; each rejected row is listed with the reason.</Text>
          <Textarea
            label="Consent wording"
            description="The exact words owners agreed to, if the file has email_consent or sms_consent columns; kept with each consent."
            value={wording}
            onChange={(event) => setWording(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <FileButton onChange={(file) => void upload(file)} accept=".csv,text/csv">
            {(props) => <Button loading={uploading} w="fit-content" {...props}>Upload a CSV</Button>}
          </FileButton>
        </Stack>
      </Card>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Progress</Table.Th>
            <Table.Th>Started</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <EmptyTableRow show={list.items.length === 0 && !list.loading} columns={3}>No imports yet.</EmptyTableRow>
          {list.items.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td><Link to={`/imports/${entry.id}`}>{entry.fileName}</Link></Table.Td>
              <Table.Td><ImportProgress entry={entry} /></Table.Td>
              <Table.Td>{formatDateTime(entry.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
