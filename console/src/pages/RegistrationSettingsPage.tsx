// What the registration page offers and asks: retailers, countries, support contacts and wording overrides.
import { Alert, Button, Center, Fieldset, Group, Loader, MultiSelect, Stack, TagsInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PageHeader } from '../components/PageHeader';
import { ContactFields } from '../components/registrationSettings/ContactFields';
import { OverrideRows } from '../components/registrationSettings/OverrideRows';
import { countryOptions } from '../components/registrationSettings/regionOptions';
import {
  formValuesFrom,
  settingsBodyFrom,
  settingsFormErrors,
  validateOverrides,
  type SettingsFormValues,
} from '../components/registrationSettings/settingsForm';
import { formatDateTime } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';
import type { RegistrationSettings } from '../types';
import { useSettingsDocument } from '../useSettingsDocument';

const channelOptions = [
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'SMS' },
];

function prefixed(prefix: string, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [`${prefix}.${path}`, message]));
}

export function RegistrationSettingsPage() {
  const { can } = useSession();
  const readOnly = !can('registration_settings:manage');
  const form = useForm<SettingsFormValues>({
    initialValues: formValuesFrom({
      retailers: [], countries: ['US'], supportEmail: null, supportPhone: null, supportUrl: null, accessoriesUrl: null, reviewUrl: null,
      rightsStatements: {}, consentWordings: {}, updatedAt: null,
    }),
    validate: (values) => ({
      ...(values.countries.length === 0 ? { countries: 'Choose at least one country owners register from.' } : {}),
      ...prefixed('rightsStatements', validateOverrides(values.rightsStatements)),
      ...prefixed('consentWordings', validateOverrides(values.consentWordings)),
    }),
  });

  const { settings, loadError, save: saveSettings } = useSettingsDocument<RegistrationSettings, SettingsFormValues>('/registration-settings', form, formValuesFrom);

  const save = form.onSubmit(async (values) => {
    try {
      await saveSettings(settingsBodyFrom(values));
      notifySuccess('Registration settings saved.');
    } catch (error) {
      form.setErrors(settingsFormErrors(error, values));
      notifyError(error);
    }
  });

  if (loadError) {
    return (
      <Alert color="red" title="Could not load the registration settings">
        {loadError}
      </Alert>
    );
  }
  if (!settings) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading registration settings" />
      </Center>
    );
  }

  const saveButton = !readOnly && (
    <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
      Save
    </Button>
  );
  return (
    <form onSubmit={save} noValidate>
      <PageHeader title="Registration settings">{saveButton}</PageHeader>
      <Text size="sm" c="dimmed" mb="lg">
        {settings.updatedAt ? `Last saved ${formatDateTime(settings.updatedAt)}.` : 'Your brand uses the defaults.'}
      </Text>
      <Stack gap="lg" maw={1000}>
        <Fieldset legend="What owners choose from" disabled={readOnly}>
          <Stack>
            <TagsInput
              label="Retailers"
              description="Offered in the “Where did you buy it?” list; owners can still type another. Press Enter or comma after each."
              placeholder="Add a retailer"
              splitChars={[',']}
              maxTags={200}
              clearable
              {...form.getInputProps('retailers')}
            />
            <MultiSelect
              label="Countries"
              description="Where owners may register from; the first is preselected on the registration page."
              placeholder="Add a country"
              data={countryOptions}
              searchable
              hidePickedOptions
              nothingFoundMessage="No country matches"
              {...form.getInputProps('countries')}
            />
          </Stack>
        </Fieldset>
        <ContactFields form={form} readOnly={readOnly} />
        <OverrideRows
          form={form}
          field="rightsStatements"
          legend="Statement of owners' rights"
          description="Replaces the statement OpenOX ships for a country and language (for example, that registering is not required for warranty coverage)."
          scopeLabel="Country"
          scopeOptions={countryOptions}
          defaultScope={form.values.countries[0] ?? 'US'}
          maxLength={2000}
          readOnly={readOnly}
        />
        <OverrideRows
          form={form}
          field="consentWordings"
          legend="Consent wording"
          description="Replaces the shipped sentence owners tick to agree to messages. Each owner's consent record keeps the exact words they saw."
          scopeLabel="Channel"
          scopeOptions={channelOptions}
          defaultScope="email"
          maxLength={1000}
          readOnly={readOnly}
        />
        {saveButton && <Group justify="flex-end">{saveButton}</Group>}
      </Stack>
    </form>
  );
}
