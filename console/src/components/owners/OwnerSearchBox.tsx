// The agent's search box in the header: type (or press "/" anywhere), Enter, and the owner is on screen.
import { Kbd, Loader, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useOwnerFinder } from './ownerFinder';

export function OwnerSearchBox() {
  const [term, setTerm] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const { find, finding } = useOwnerFinder();
  // Ignored while typing in another field, so "/" stays a character there.
  useHotkeys([
    ['/', () => input.current?.focus()],
    ['mod+K', () => input.current?.focus()],
  ]);

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        void find(term).then((found) => {
          if (!found) return;
          setTerm('');
          input.current?.blur();
        });
      }}
    >
      <TextInput
        ref={input}
        aria-label="Find an owner"
        placeholder="Find an owner: email, phone, serial, claim no. or name"
        value={term}
        onChange={(event) => setTerm(event.currentTarget.value)}
        onKeyDown={(event) => event.key === 'Escape' && input.current?.blur()}
        rightSection={finding ? <Loader size="xs" aria-label="Searching" /> : <Kbd size="xs">/</Kbd>}
        w={{ base: 180, sm: 300, md: 420 }}
        size="sm"
      />
    </form>
  );
}
