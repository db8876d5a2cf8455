// An event type: one the engine knows, picked from the list, or any other typed (telemetry.<type>).
import { Autocomplete, type AutocompleteProps } from '@mantine/core';
import { describedOption } from './describedOption';
import { knownEvents } from './journeyLabels';

const renderEvent = describedOption(new Map(knownEvents.map((event) => [event.value, event.label])));

export function EventTypeInput(props: Omit<AutocompleteProps, 'data' | 'renderOption'>) {
  return <Autocomplete placeholder="ownership.registered" data={knownEvents.map((event) => event.value)} renderOption={renderEvent} {...props} />;
}
