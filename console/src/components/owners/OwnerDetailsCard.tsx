// Who the owner is and how to reach them.
import { Alert, DataList, Paper, Text } from '@mantine/core';
import { countryName, formatDateTime, languageName } from '../../format';
import type { OwnerDetail } from '../../types';

function postalAddress(owner: OwnerDetail): string | null {
  const place = [owner.city, owner.region, owner.postalCode].filter(Boolean).join(' ');
  const lines = [owner.address, place, owner.country && countryName(owner.country)].filter(Boolean);
  return lines.length > 0 ? lines.join(', ') : null;
}

export function OwnerDetailsCard({ owner }: { owner: OwnerDetail }) {
  const rows: [string, string | null][] = [
    ['Email', owner.email],
    ['Phone', owner.phone],
    ['Address', postalAddress(owner)],
    ['Language', languageName(owner.language)],
    ['Owner since', formatDateTime(owner.createdAt)],
  ];
  return (
    <Paper withBorder p="lg">
      {owner.safetyOnly && (
        <Alert color="yellow" mb="md" title="Safety registration only">
          These contact details were given for safety notices under a product safety rule. Use them for nothing else: no offers, no
          surveys.
        </Alert>
      )}
      <DataList labelWidth={130}>
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value ?? <Text span c="dimmed">—</Text>}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Paper>
  );
}
