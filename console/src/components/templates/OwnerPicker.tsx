// Picks a real owner to preview a template with, searching as the user types (email, phone, serial, name).
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { OwnerSummary, Page } from '../../types';

interface OwnerPickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string | null;
  onChange: (ownerId: string | null) => void;
}

interface Option {
  value: string;
  label: string;
}

export function OwnerPicker({ value, onChange, ...selectProps }: OwnerPickerProps) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [options, setOptions] = useState<Option[]>([]);
  // The chosen owner stays an option whatever the search finds, or the select would show it blank.
  const [chosen, setChosen] = useState<Option | null>(null);

  useEffect(() => {
    let cancelled = false;
    const q = chosen && debouncedSearch === chosen.label ? '' : debouncedSearch;
    if (q.length < 2) {
      setOptions([]);
      return;
    }
    api
      .get<Page<OwnerSummary>>('/owners', { q, limit: 20 })
      .then((page) => !cancelled && setOptions(page.data.map((owner) => ({ value: owner.id, label: `${owner.name} <${owner.email}>` }))))
      // Options are a convenience; a failed search leaves the previous ones.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [debouncedSearch, chosen]);

  const data = chosen && !options.some((option) => option.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      {...selectProps}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={search.trim().length < 2 ? 'Type an email, phone, serial or name' : 'No owner matches'}
      onChange={(ownerId, option) => {
        setChosen(ownerId && option ? { value: ownerId, label: option.label } : null);
        onChange(ownerId);
      }}
    />
  );
}
