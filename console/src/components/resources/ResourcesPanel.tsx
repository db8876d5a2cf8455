// The model's resources: what owners get to read or watch at each stage of owning the product.
import { Alert, Anchor, Badge, Button, Fieldset, Group, Loader, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { notifyError, notifySuccess } from '../../notify';
import type { Resource } from '../../types';
import { ConfirmButton } from '../ConfirmButton';
import { kindLabels, stageLabels } from './resourceLabels';
import { ResourceFormModal } from './ResourceFormModal';
import { upsertById } from '../../upsertById';

export function ResourcesPanel({ modelId, readOnly }: { modelId: string; readOnly: boolean }) {
  const [resources, setResources] = useState<Resource[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // undefined: dialog closed; null: adding; a resource: editing it.
  const [editing, setEditing] = useState<Resource | null | undefined>(undefined);

  const load = useCallback(() => {
    api
      .get<{ data: Resource[] }>(`/models/${modelId}/resources`)
      .then((page) => setResources(page.data))
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [modelId]);
  useEffect(load, [load]);

  function upsert(saved: Resource) {
    setResources((current) => upsertById(current ?? [], saved));
  }

  async function remove(resource: Resource) {
    try {
      await api.delete(`/resources/${resource.id}`);
      setResources((current) => current?.filter((item) => item.id !== resource.id) ?? null);
      notifySuccess(`Deleted ${resource.title}.`);
    } catch (caught) {
      notifyError(caught);
      throw caught;
    }
  }

  return (
    <Fieldset legend="Resources">
      {error && <Alert color="red">{error}</Alert>}
      {!resources && !error && <Loader size="sm" aria-label="Loading resources" />}
      {resources && resources.length === 0 && (
        <Text size="sm" c="dimmed">
          No manuals, videos or FAQs yet.
        </Text>
      )}
      {resources && resources.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Language</Table.Th>
                <Table.Th>Content</Table.Th>
                {!readOnly && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {resources.map((resource) => (
                <Table.Tr key={resource.id}>
                  <Table.Td>{resource.title}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{kindLabels[resource.kind]}</Badge>
                  </Table.Td>
                  <Table.Td>{stageLabels[resource.stage]}</Table.Td>
                  <Table.Td>{resource.language}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {resource.fileUrl && (
                        <Anchor href={resource.fileUrl} target="_blank" size="sm">
                          PDF
                        </Anchor>
                      )}
                      {resource.url && (
                        <Anchor href={resource.url} target="_blank" rel="noreferrer" size="sm">
                          Link
                        </Anchor>
                      )}
                      {resource.body && (
                        <Text size="sm" c="dimmed" lineClamp={1} maw={220}>
                          {resource.body}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  {!readOnly && (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(resource)}>
                          Edit
                        </Button>
                        <ConfirmButton
                          size="xs"
                          title="Delete this resource?"
                          message={`Owners will no longer see “${resource.title}”.`}
                          confirmLabel="Delete resource"
                          onConfirm={() => remove(resource)}
                        >
                          Delete
                        </ConfirmButton>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!readOnly && (
        <Button mt="md" size="xs" variant="light" onClick={() => setEditing(null)}>
          Add resource
        </Button>
      )}
      <ResourceFormModal
        modelId={modelId}
        resource={editing ?? null}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={upsert}
      />
    </Fieldset>
  );
}
