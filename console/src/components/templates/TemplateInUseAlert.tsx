// Why a template could not be removed: the journeys that still send it, each a link to change it.
import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api';

export interface TemplateInUse {
  message: string;
  journeys: { id: string; name: string }[];
}

/** The refusal of a removal (409 `template_in_use`), or null for any other error. */
export function templateInUseOf(error: unknown): TemplateInUse | null {
  if (!(error instanceof ApiError) || error.code !== 'template_in_use') return null;
  const journeys = (error.details as { journeys?: { id: string; name: string }[] } | null)?.journeys ?? [];
  return { message: error.message, journeys };
}

export function TemplateInUseAlert({ inUse, onClose }: { inUse: TemplateInUse; onClose: () => void }) {
  return (
    <Alert color="orange" title="This template is still in use" withCloseButton closeButtonLabel="Dismiss" onClose={onClose}>
      <Text size="sm">{inUse.message}</Text>
      {inUse.journeys.length > 0 && (
        <List size="sm" mt="xs">
          {inUse.journeys.map((journey) => (
            <List.Item key={journey.id}>
              <Anchor component={Link} to={`/journeys/${journey.id}`}>
                {journey.name}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
