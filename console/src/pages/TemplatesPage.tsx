// The brand's message templates: what journeys send, per channel and language.
import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { NewTemplateModal } from '../components/templates/NewTemplateModal';
import type { TemplateSummary } from '../components/templates/templateTypes';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import { useCursorList } from '../useCursorList';

type Shown = 'all' | 'email' | 'sms';

export function TemplatesPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [shown, setShown] = useState<Shown>('all');
  const [creating, setCreating] = useState(false);
  const list = useCursorList<TemplateSummary>('/templates', { channel: shown === 'all' ? undefined : shown });

  return (
    <>
      <PageHeader title="Message templates">{can('templates:manage') && <Button onClick={() => setCreating(true)}>New template</Button>}</PageHeader>
      <SegmentedControl
        mb="md"
        value={shown}
        onChange={(value) => setShown(value as Shown)}
        data={[
          { value: 'all', label: 'All' },
          { value: 'email', label: 'Email' },
          { value: 'sms', label: 'SMS' },
        ]}
      />
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Class</Table.Th>
              <Table.Th>Languages</Table.Th>
              <Table.Th>Changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={6}>
              No templates yet. Journeys send messages from templates: start with a welcome email.
            </EmptyTableRow>
            {list.items.map((template) => (
              <Table.Tr key={template.id}>
                <Table.Td fw={500}>
                  <Anchor component={Link} to={`/templates/${template.key}`}>
                    {template.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {template.key}
                  </Text>
                </Table.Td>
                <Table.Td>{template.channel === 'email' ? 'Email' : 'SMS'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={template.class === 'safety' ? 'red' : template.class === 'service' ? 'blue' : 'grape'}>
                    {template.class}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {template.languages.map((language) => (
                      <Badge key={language} variant={language === template.defaultLanguage ? 'filled' : 'outline'} size="sm">
                        {language}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(template.updatedAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
      <NewTemplateModal opened={creating} onClose={() => setCreating(false)} onCreated={(template) => navigate(`/templates/${template.key}`)} />
    </>
  );
}
