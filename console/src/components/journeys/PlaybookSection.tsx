// The ready journeys a brand can adopt: each is created switched off, with its templates, to edit and switch on.
import { Anchor, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api';
import { notifyError, notifySuccess } from '../../notify';
import type { JourneyDetail, PlaybookEntry } from '../../types';

export function PlaybookSection({ canAdopt }: { canAdopt: boolean }) {
  const navigate = useNavigate();
  const [entries, setEntries] = useState<PlaybookEntry[] | null>(null);
  const [adopting, setAdopting] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<PlaybookEntry[]>('/journey-playbook')
      .then((loaded) => !cancelled && setEntries(loaded))
      .catch((error: unknown) => !cancelled && notifyError(error));
    return () => {
      cancelled = true;
    };
  }, []);

  async function adopt(entry: PlaybookEntry) {
    setAdopting(entry.key);
    try {
      const journey = await api.post<JourneyDetail>(`/journey-playbook/${entry.key}/adopt`);
      notifySuccess(`${journey.name} was added, switched off: review it, then switch it live.`);
      navigate(`/journeys/${journey.id}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setAdopting(null);
    }
  }

  if (!entries || entries.length === 0) return null;
  return (
    <Stack gap="sm" mt="xl">
      <Title order={3}>Playbook</Title>
      <Text size="sm" c="dimmed">
        Ready journeys with their templates. Adopting one adds it switched off, for you to edit and switch live.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {entries.map((entry) => (
          <Card key={entry.key} withBorder padding="md">
            <Stack gap="xs" h="100%" justify="space-between">
              <div>
                <Text fw={600}>{entry.name}</Text>
                <Text size="sm" c="dimmed">
                  {entry.summary}
                </Text>
              </div>
              {entry.journeyId ? (
                <Anchor component={Link} to={`/journeys/${entry.journeyId}`} size="sm">
                  Adopted: open the journey
                </Anchor>
              ) : (
                canAdopt && (
                  <Button variant="light" size="xs" w="fit-content" loading={adopting === entry.key} disabled={adopting !== null} onClick={() => void adopt(entry)}>
                    Adopt
                  </Button>
                )
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
