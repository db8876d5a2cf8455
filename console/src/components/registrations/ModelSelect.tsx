// Picks one model, searching the catalog by name or SKU as the user types (a brand may have thousands).
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { Model, Page } from '../../types';

interface ModelSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string | null;
  onChange: (modelId: string | null) => void;
}

interface Option {
  value: string;
  label: string;
}

export function ModelSelect({ value, onChange, ...selectProps }: ModelSelectProps) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [options, setOptions] = useState<Option[]>([]);
  // The chosen model stays an option whatever the search finds, or the select would show it blank.
  const [chosen, setChosen] = useState<Option | null>(null);

  useEffect(() => {
    let cancelled = false;
    // A search that is just the chosen model's label means "nothing typed yet".
    const q = chosen && debouncedSearch === chosen.label ? undefined : debouncedSearch || undefined;
    api
      .get<Page<Model>>('/models', { q, limit: 50 })
      .then((page) => !cancelled && setOptions(page.data.map((model) => ({ value: model.id, label: `${model.name} (${model.sku})` }))))
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
      // The server already searched; show what it found.
      filter={({ options: all }) => all}
      nothingFoundMessage="No model matches"
      onChange={(modelId, option) => {
        setChosen(modelId && option ? { value: modelId, label: option.label } : null);
        onChange(modelId);
      }}
    />
  );
}
