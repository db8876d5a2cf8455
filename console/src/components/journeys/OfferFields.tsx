// The offer a send step makes, for the template's offer.* variables.
import { Group, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JourneyOffer } from '../../types';

const optional = ['code', 'url', 'price'] as const;
const labels = { code: 'Code', url: 'Link (https://…)', price: 'Price' } as const;

export function OfferFields({ offer, onChange, errorOf }: { offer: JourneyOffer; onChange: (offer: JourneyOffer) => void; errorOf: (field: string) => ReactNode }) {
  const set = (field: keyof JourneyOffer, value: string) => {
    const { [field]: _old, ...rest } = offer;
    onChange((field === 'title' || value !== '' ? { ...rest, [field]: value } : rest) as JourneyOffer);
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <TextInput label="Offer title" required value={offer.title ?? ''} onChange={(event) => set('title', event.currentTarget.value)} error={errorOf('offer.title')} />
      <Group grow align="flex-start">
        {optional.map((field) => (
          <TextInput key={field} label={labels[field]} value={offer[field] ?? ''} onChange={(event) => set(field, event.currentTarget.value)} error={errorOf(`offer.${field}`)} />
        ))}
      </Group>
      <Textarea label="Description" autosize minRows={1} value={offer.description ?? ''} onChange={(event) => set('description', event.currentTarget.value)} error={errorOf('offer.description')} />
      <TextInput type="date" label="Ends on" value={offer.endsOn ?? ''} onChange={(event) => set('endsOn', event.currentTarget.value)} error={errorOf('offer.endsOn')} />
    </SimpleGrid>
  );
}
