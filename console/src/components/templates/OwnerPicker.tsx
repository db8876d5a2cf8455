// Picks a real owner to preview a template with, searching as the user types (email, phone, serial, name).
import { api } from '../../api';
import type { OwnerSummary, Page } from '../../types';
import { SearchSelect, type SearchSelectProps } from '../SearchSelect';

type OwnerPickerProps = Omit<SearchSelectProps, 'search' | 'minSearchLength' | 'nothingFound'>;

async function searchOwners(q: string) {
  const page = await api.get<Page<OwnerSummary>>('/owners', { q, limit: 20 });
  return page.data.map((owner) => ({ value: owner.id, label: `${owner.name} <${owner.email}>` }));
}

export function OwnerPicker(props: OwnerPickerProps) {
  return (
    <SearchSelect
      {...props}
      search={searchOwners}
      minSearchLength={2}
      nothingFound={(search) => (search.trim().length < 2 ? 'Type an email, phone, serial or name' : 'No owner matches')}
    />
  );
}
