import { Checkbox, Fieldset, NumberInput, Select, SimpleGrid } from '@mantine/core';
import type { ModelForm } from './modelForm';

const startOptions = [
  { value: 'purchase', label: 'Date of purchase' },
  { value: 'delivery', label: 'Later of purchase and delivery' },
  { value: 'registration', label: 'Date of registration' },
];

const proofOptions = [
  { value: 'none', label: 'No proof needed' },
  { value: 'receipt', label: 'Receipt' },
  { value: 'receipt_and_serial_photo', label: 'Receipt and serial-number photo' },
];

export function WarrantyFields({ form, readOnly }: { form: ModelForm; readOnly: boolean }) {
  return (
    <Fieldset legend="Warranty terms" disabled={readOnly}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <NumberInput label="Parts (months)" min={0} max={1200} allowDecimal={false} {...form.getInputProps('warranty.partsMonths')} />
        <NumberInput label="Labour (months)" min={0} max={1200} allowDecimal={false} {...form.getInputProps('warranty.labourMonths')} />
        <Select label="Coverage starts at" data={startOptions} allowDeselect={false} {...form.getInputProps('warranty.startsAt')} />
        <Select label="Proof required for a claim" data={proofOptions} allowDeselect={false} {...form.getInputProps('warranty.proofRequired')} />
        <NumberInput
          label="Without proof: months after manufacture"
          description="Coverage then starts this long after the date of manufacture"
          min={0}
          max={1200}
          allowDecimal={false}
          {...form.getInputProps('warranty.noProofGraceMonths')}
        />
        <Checkbox label="Passes to a new owner" description="A transfer keeps the warranty" mt="lg" {...form.getInputProps('warranty.transferable', { type: 'checkbox' })} />
      </SimpleGrid>
    </Fieldset>
  );
}
