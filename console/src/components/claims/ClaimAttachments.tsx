// The claim's photos and files; staff attach more, for themselves or for the owner to see.
import { Anchor, Badge, Button, FileButton, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { EmptyTableRow } from '../EmptyTableRow';
import { actorLabel } from './claimLabels';
import type { ClaimDetail, ClaimVisibility } from './claimTypes';

export function ClaimAttachments({ claim, onChanged, canWrite }: { claim: ClaimDetail; onChanged: (claim: ClaimDetail) => void; canWrite: boolean }) {
  const [visibility, setVisibility] = useState<ClaimVisibility>('internal');
  const [uploading, setUploading] = useState(false);

  async function upload(files: File[]) {
    if (files.length === 0) return;
    setUploading(true);
    try {
      const form = new FormData();
      for (const file of files) form.append('file', file);
      onChanged(await api.postForm<ClaimDetail>(`/claims/${claim.id}/attachments?visibility=${visibility}`, form));
      notifySuccess(`${files.length} file${files.length === 1 ? '' : 's'} attached.`);
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading(false);
    }
  }

  return (
    <Stack gap="sm">
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Seen by</Table.Th>
            <Table.Th>Added by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claim.attachments.map((attachment) => (
            <Table.Tr key={attachment.id}>
              <Table.Td>
                <Anchor href={attachment.file.url} target="_blank" rel="noopener noreferrer">
                  {attachment.file.originalName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge color={attachment.visibility === 'owner' ? 'blue' : 'gray'} variant="light">
                  {attachment.visibility === 'owner' ? 'Owner and staff' : 'Staff only'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{actorLabel(attachment.addedBy)}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(attachment.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
          <EmptyTableRow show={claim.attachments.length === 0} columns={3}>
            No photos or files.
          </EmptyTableRow>
        </Table.Tbody>
      </Table>
      {canWrite && claim.status !== 'closed' && (
        <Group align="flex-end">
          <Select
            label="Attach for"
            data={[{ value: 'internal', label: 'Staff only' }, { value: 'owner', label: 'The owner too' }]}
            value={visibility}
            onChange={(value) => setVisibility((value as ClaimVisibility | null) ?? 'internal')}
            allowDeselect={false}
            w={180}
          />
          <FileButton multiple onChange={(files) => void upload(files)} accept="image/jpeg,image/png,image/webp,application/pdf">
            {(props) => (
              <Button variant="default" loading={uploading} {...props}>
                Attach photos or PDFs
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
