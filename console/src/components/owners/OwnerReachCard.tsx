// How to reach the owner: the channel to try first, and what they agreed to hear about on each channel.
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../format';
import type { ConsentChannel } from '../../types';
import type { OwnerOverview } from './overviewTypes';

const channelNames = { email: 'Email', sms: 'SMS', phone: 'Phone call' } as const;
const basisText: Record<OwnerOverview['preferredChannel']['basis'], string> = {
  latest_claim: 'as asked on their latest claim',
  consent: 'the channel they last opted in to',
  email: 'no other preference known',
};
const consentChannels: ConsentChannel[] = ['email', 'sms'];

export function OwnerReachCard({ owner }: { owner: OwnerOverview }) {
  const { channel, basis } = owner.preferredChannel;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <div>
          <Text size="xs" c="dimmed">
            Preferred channel
          </Text>
          <Group gap="xs">
            <Badge size="lg" variant="filled">
              {channelNames[channel]}
            </Badge>
            <Text size="sm" c="dimmed">
              {basisText[basis]}
            </Text>
          </Group>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Marketing consent (service and safety messages go regardless)
          </Text>
          <Group gap="xs">
            {consentChannels.map((consentChannel) => {
              const state = owner.consents.find((consent) => consent.channel === consentChannel);
              return (
                <Badge
                  key={consentChannel}
                  color={state?.granted ? 'green' : 'gray'}
                  variant={state ? 'light' : 'outline'}
                  title={state ? `Since ${formatDateTime(state.recordedAt)}, wording ${state.wordingVersion}` : undefined}
                >
                  {channelNames[consentChannel]}: {state ? (state.granted ? 'opted in' : 'opted out') : 'never asked'}
                </Badge>
              );
            })}
          </Group>
        </div>
      </Stack>
    </Paper>
  );
}
