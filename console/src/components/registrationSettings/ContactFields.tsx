// Where owners get help, buy accessories and leave a review: shown on the registration and owner pages.
import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { SettingsForm } from './settingsForm';

export function ContactFields({ form, readOnly }: { form: SettingsForm; readOnly: boolean }) {
  return (
    <Fieldset legend="Support and links" disabled={readOnly}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Support email" type="email" placeholder="help@brand.com" {...form.getInputProps('supportEmail')} />
        <TextInput label="Support phone" placeholder="+1 800 555 0100" {...form.getInputProps('supportPhone')} />
        <TextInput label="Support web page" placeholder="https://brand.com/support" {...form.getInputProps('supportUrl')} />
        <TextInput label="Accessories shop" placeholder="https://shop.brand.com/accessories" {...form.getInputProps('accessoriesUrl')} />
        <TextInput label="Review page" placeholder="https://brand.com/reviews" {...form.getInputProps('reviewUrl')} />
      </SimpleGrid>
    </Fieldset>
  );
}
