// The brand's send-time rules (frequency caps, quiet hours, how long held marketing keeps, the SMS
// programme) and the consent ledger's export as evidence.
import { ActionIcon, Alert, Button, Center, Fieldset, Group, Loader, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { apiBase } from '../api';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { showSaveError } from '../formErrors';
import { notifySuccess } from '../notify';
import { useSession } from '../session';
import type { FrequencyCap, MessagingSettings, MessagingSettingsInput } from '../types';
import { useSettingsDocument } from '../useSettingsDocument';

interface FormValues {
  emailCaps: FrequencyCap[];
  smsCaps: FrequencyCap[];
  quietHoursOn: boolean;
  quietStart: string;
  quietEnd: string;
  marketingExpiryHours: number;
  smsFrom: string;
  smsProgram: string;
  smsFrequency: string;
}

function valuesFrom(settings: MessagingSettings): FormValues {
  return {
    emailCaps: settings.emailCaps.map((cap) => ({ ...cap })),
    smsCaps: settings.smsCaps.map((cap) => ({ ...cap })),
    quietHoursOn: settings.emailQuietHours !== null,
    quietStart: settings.emailQuietHours?.start ?? '21:00',
    quietEnd: settings.emailQuietHours?.end ?? '08:00',
    marketingExpiryHours: settings.marketingExpiryHours,
    smsFrom: settings.smsFrom ?? '',
    smsProgram: settings.smsProgram ?? '',
    smsFrequency: settings.smsFrequency ?? '',
  };
}

function bodyFrom(values: FormValues): MessagingSettingsInput {
  const orNull = (value: string) => value.trim() || null;
  return {
    emailCaps: values.emailCaps,
    smsCaps: values.smsCaps,
    emailQuietHours: values.quietHoursOn ? { start: values.quietStart, end: values.quietEnd } : null,
    marketingExpiryHours: values.marketingExpiryHours,
    smsFrom: orNull(values.smsFrom),
    smsProgram: orNull(values.smsProgram),
    smsFrequency: orNull(values.smsFrequency),
  };
}

function CapRows({ form, field, label, readOnly }: { form: ReturnType<typeof useForm<FormValues>>; field: 'emailCaps' | 'smsCaps'; label: string; readOnly: boolean }) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {form.values[field].length === 0 && (
        <Text size="sm" c="dimmed">
          No cap.
        </Text>
      )}
      {form.values[field].map((_, index) => (
        <Group key={index} align="flex-end" gap="xs">
          <NumberInput label="At most" min={1} max={100} w={110} {...form.getInputProps(`${field}.${index}.limit`)} />
          <NumberInput label="Per hours" description="24 = a day, 168 = a week" min={1} max={2160} w={190} {...form.getInputProps(`${field}.${index}.periodHours`)} />
          {!readOnly && (
            <ActionIcon variant="subtle" color="red" aria-label={`Remove this ${label.toLowerCase()} cap`} onClick={() => form.removeListItem(field, index)} mb={4}>
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && form.values[field].length < 5 && (
        <Button variant="default" size="xs" w="fit-content" onClick={() => form.insertListItem(field, { limit: 1, periodHours: 24 })}>
          Add a cap
        </Button>
      )}
    </Stack>
  );
}

function ConsentEvidence() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
  return (
    <Fieldset legend="Consent evidence">
      <Text size="sm" c="dimmed" mb="sm">
        Every consent owners gave or withdrew, with when, how, from where and the exact words they saw, as a CSV file. Leave the dates empty for the whole ledger.
      </Text>
      <Group align="flex-end">
        <TextInput type="date" label="From (UTC)" value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
        <TextInput type="date" label="To (UTC, included)" value={to} onChange={(event) => setTo(event.currentTarget.value)} />
        <Button component="a" variant="default" href={`${apiBase}/consent-records.csv${query ? `?${query}` : ''}`} download>
          Download CSV
        </Button>
      </Group>
    </Fieldset>
  );
}

export function MessagingSettingsPage() {
  const { can } = useSession();
  const readOnly = !can('messaging:manage');
  const form = useForm<FormValues>({
    initialValues: valuesFrom({ emailCaps: [], smsCaps: [], emailQuietHours: null, marketingExpiryHours: 72, smsFrom: null, smsProgram: null, smsFrequency: null, updatedAt: null }),
  });

  const { settings, loadError, save: saveSettings } = useSettingsDocument<MessagingSettings, FormValues>('/messaging-settings', form, valuesFrom);

  const save = form.onSubmit(async (values) => {
    try {
      await saveSettings(bodyFrom(values));
      notifySuccess('Messaging settings saved.');
    } catch (error) {
      showSaveError(form, error);
    }
  });

  if (loadError) {
    return (
      <Alert color="red" title="Could not load the messaging settings">
        {loadError}
      </Alert>
    );
  }
  if (!settings) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading messaging settings" />
      </Center>
    );
  }

  const saveButton = !readOnly && (
    <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
      Save
    </Button>
  );
  return (
    <Stack gap="lg" maw={1000}>
      <form onSubmit={save} noValidate>
        <PageHeader title="Messaging settings">{saveButton}</PageHeader>
        <Text size="sm" c="dimmed" mb="lg">
          {settings.updatedAt ? `Last saved ${formatDateTime(settings.updatedAt)}.` : 'Your brand uses the defaults.'} Safety notices always go; service messages (claims,
          registrations) are not capped or held; these rules hold marketing.
        </Text>
        <Stack gap="lg">
          <Fieldset legend="Frequency caps (marketing, per owner)" disabled={readOnly}>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <CapRows form={form} field="emailCaps" label="Email" readOnly={readOnly} />
              <CapRows form={form} field="smsCaps" label="SMS" readOnly={readOnly} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Quiet hours and expiry" disabled={readOnly}>
            <Stack>
              <Switch label="No marketing email during quiet hours, in the owner's local time" {...form.getInputProps('quietHoursOn', { type: 'checkbox' })} />
              {form.values.quietHoursOn && (
                <Group>
                  <TextInput type="time" label="Quiet from" {...form.getInputProps('quietStart')} error={form.errors['emailQuietHours.start']} />
                  <TextInput type="time" label="Until" {...form.getInputProps('quietEnd')} error={form.errors['emailQuietHours.end']} />
                </Group>
              )}
              <Text size="sm" c="dimmed">
                Texts follow each country's and US state's own hours (TCPA 8:00–21:00, stricter in states such as Florida, Oklahoma and Maryland).
              </Text>
              <NumberInput
                label="A held marketing message expires after (hours)"
                description="Counted from when it was queued; a message may set its own expiry."
                min={1}
                max={720}
                w={320}
                {...form.getInputProps('marketingExpiryHours')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend="SMS programme" disabled={readOnly}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Sending number" placeholder="+14155550100" description="Empty: the platform's number." {...form.getInputProps('smsFrom')} />
              <TextInput label="Programme name (HELP)" placeholder="Kettle tips" description="Empty: “<brand> alerts”." {...form.getInputProps('smsProgram')} />
              <TextInput label="Message frequency (HELP)" placeholder="Msg frequency varies" {...form.getInputProps('smsFrequency')} />
            </SimpleGrid>
          </Fieldset>
          {saveButton && <Group justify="flex-end">{saveButton}</Group>}
        </Stack>
      </form>
      {can('owners:read') && <ConsentEvidence />}
    </Stack>
  );
}
