// Adds a service centre or changes one; coordinates are optional where the postal code can be placed (US, Canada).
import { Button, Group, Modal, MultiSelect, NumberInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api } from '../../api';
import { showSaveError } from '../../formErrors';
import { notifySuccess } from '../../notify';
import { type ServiceCentre, type ServiceCentreInput, type ServiceKind, serviceKinds, serviceLabels } from './serviceCentre';

interface ServiceCentreFormModalProps {
  /** null adds a new centre. */
  centre: ServiceCentre | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (centre: ServiceCentre) => void;
}

export function ServiceCentreFormModal({ centre, opened, onClose, onSaved }: ServiceCentreFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={centre ? `Edit ${centre.name}` : 'Add service centre'} size="lg">
      {opened && <ServiceCentreForm centre={centre} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

const serviceOptions = serviceKinds.map((value) => ({ value, label: serviceLabels[value] }));
const orNull = (value: string) => value.trim() || null;
const numberOrNull = (value: string | number) => (value === '' ? null : Number(value));

function ServiceCentreForm({ centre, onClose, onSaved }: Omit<ServiceCentreFormModalProps, 'opened'>) {
  const form = useForm({
    initialValues: {
      name: centre?.name ?? '',
      addressLine1: centre?.addressLine1 ?? '',
      addressLine2: centre?.addressLine2 ?? '',
      city: centre?.city ?? '',
      region: centre?.region ?? '',
      postalCode: centre?.postalCode ?? '',
      country: centre?.country ?? 'US',
      phone: centre?.phone ?? '',
      email: centre?.email ?? '',
      url: centre?.url ?? '',
      services: (centre?.services ?? ['repair']) as ServiceKind[],
      latitude: (centre?.latitude ?? '') as number | string,
      longitude: (centre?.longitude ?? '') as number | string,
      active: centre?.active ?? true,
    },
  });

  const save = form.onSubmit(async (values) => {
    const moved = centre !== null && (values.postalCode.trim() !== centre.postalCode || values.country.trim().toUpperCase() !== centre.country);
    const coordinatesTouched = centre === null || form.isDirty('latitude') || form.isDirty('longitude');
    const body: ServiceCentreInput = {
      name: values.name.trim(),
      addressLine1: values.addressLine1.trim(),
      addressLine2: orNull(values.addressLine2),
      city: values.city.trim(),
      region: orNull(values.region),
      postalCode: values.postalCode.trim(),
      country: values.country.trim().toUpperCase(),
      phone: orNull(values.phone),
      email: orNull(values.email),
      url: orNull(values.url),
      services: values.services,
      // A moved centre with untouched coordinates is placed again from its new postal code.
      latitude: moved && !coordinatesTouched ? null : numberOrNull(values.latitude),
      longitude: moved && !coordinatesTouched ? null : numberOrNull(values.longitude),
      active: values.active,
    };
    try {
      const saved = centre ? await api.patch<ServiceCentre>(`/service-centres/${centre.id}`, body) : await api.post<ServiceCentre>('/service-centres', body);
      notifySuccess(centre ? `Saved ${saved.name}.` : `Added ${saved.name}.`);
      onSaved(saved);
      onClose();
    } catch (error) {
      showSaveError(form, error);
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <TextInput label="Address" required {...form.getInputProps('addressLine1')} />
        <TextInput label="Address line 2" {...form.getInputProps('addressLine2')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="City" required {...form.getInputProps('city')} />
          <TextInput label="State or region" {...form.getInputProps('region')} />
          <TextInput label="Postal code" required {...form.getInputProps('postalCode')} />
          <TextInput label="Country" description="Two letters, e.g. US" required maxLength={2} {...form.getInputProps('country')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <TextInput label="Website" placeholder="https://" {...form.getInputProps('url')} />
        <MultiSelect label="Services" data={serviceOptions} {...form.getInputProps('services')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label="Latitude" description="Leave both empty to place it by postal code (US, Canada)" decimalScale={6} min={-90} max={90} {...form.getInputProps('latitude')} />
          <NumberInput label="Longitude" decimalScale={6} min={-180} max={180} {...form.getInputProps('longitude')} />
        </SimpleGrid>
        <Switch label="Active (shown to owners)" {...form.getInputProps('active', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {centre ? 'Save' : 'Add centre'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
