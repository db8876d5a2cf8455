// A select whose options the server searches as the user types (debounced), for lists too long to load whole.
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

export interface SearchOption {
  value: string;
  label: string;
}

export interface SearchSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'nothingFoundMessage'> {
  value: string | null;
  onChange: (value: string | null) => void;
  /** The options matching what was typed ('' when nothing is). */
  search: (query: string) => Promise<SearchOption[]>;
  /** Shorter searches ask the server nothing and offer no options. */
  minSearchLength?: number;
  /** What the dropdown says when there are no options, given the search as typed. */
  nothingFound: (search: string) => string;
}

export function SearchSelect({ value, onChange, search: searchOptions, minSearchLength = 0, nothingFound, ...selectProps }: SearchSelectProps) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [options, setOptions] = useState<SearchOption[]>([]);
  // The chosen option stays an option whatever the search finds, or the select would show it blank.
  const [chosen, setChosen] = useState<SearchOption | null>(null);
  // Callers pass a new function each render; only a new search should ask the server again.
  const searchRef = useRef(searchOptions);
  searchRef.current = searchOptions;

  useEffect(() => {
    let cancelled = false;
    // A search that is just the chosen option's label means "nothing typed yet".
    const query = chosen && debouncedSearch === chosen.label ? '' : debouncedSearch;
    if (query.length < minSearchLength) {
      setOptions([]);
      return;
    }
    searchRef
      .current(query)
      .then((found) => !cancelled && setOptions(found))
      // Options are a convenience; a failed search leaves the previous ones.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [debouncedSearch, chosen, minSearchLength]);

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
      nothingFoundMessage={nothingFound(search)}
      onChange={(picked, option) => {
        setChosen(picked && option ? { value: picked, label: option.label } : null);
        onChange(picked);
      }}
    />
  );
}
