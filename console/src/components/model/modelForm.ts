// The model editor's form values and their conversion to and from the API's model body.
import type { UseFormReturnType } from '@mantine/form';
import type { MaintenanceTask, Model, ModelInput, Warranty } from '../../types';

/** NumberInput hands back '' while a field is empty, so numbers are `number | string` until submit. */
type Editable<T> = { [K in keyof T]: T[K] extends number ? number | string : T[K] };

export interface ModelFormValues extends Omit<ModelInput, 'warranty' | 'maintenanceSchedule' | 'serialRules'> {
  /** `loaded` is the rule as saved, to tell a generated description that went stale from one the user wrote. */
  serialRules: { mask: string; description: string; loaded?: { mask: string; description: string } }[];
  warranty: Editable<Warranty>;
  maintenanceSchedule: Editable<MaintenanceTask>[];
}

export type ModelForm = UseFormReturnType<ModelFormValues>;

export const emptyModel: ModelFormValues = {
  name: '',
  sku: '',
  category: '',
  description: '',
  imageFileId: null,
  gtins: [],
  serialRules: [],
  warranty: { partsMonths: 12, labourMonths: 12, startsAt: 'purchase', proofRequired: 'receipt', transferable: true, noProofGraceMonths: 3 },
  maintenanceSchedule: [],
};

export function formValuesFrom(model: Model): ModelFormValues {
  return {
    name: model.name,
    sku: model.sku,
    category: model.category,
    description: model.description,
    imageFileId: model.imageFileId,
    gtins: [...model.gtins],
    serialRules: model.serialRules.map((rule) => ({ mask: rule.mask, description: rule.description ?? '', loaded: { mask: rule.mask, description: rule.description ?? '' } })),
    warranty: { ...model.warranty },
    maintenanceSchedule: model.maintenanceSchedule.map((task) => ({ ...task })),
  };
}

// An empty number goes out as null so the API answers with a message for that very field.
function toNumber(value: number | string): number {
  return (typeof value === 'number' ? value : value.trim() === '' ? null : Number(value)) as number;
}

export function modelBodyFrom(values: ModelFormValues): ModelInput {
  return {
    name: values.name.trim(),
    sku: values.sku.trim(),
    category: values.category.trim(),
    description: values.description,
    imageFileId: values.imageFileId,
    gtins: values.gtins.map((gtin) => gtin.trim()),
    // A blank description is left out, and so is one left as it was when its mask changed:
    // the API then writes a new one from the mask.
    serialRules: values.serialRules.map(({ mask, description, loaded }) => {
      const stale = loaded !== undefined && loaded.mask !== mask && loaded.description === description;
      return description.trim() && !stale ? { mask, description: description.trim() } : { mask };
    }),
    warranty: {
      ...values.warranty,
      partsMonths: toNumber(values.warranty.partsMonths),
      labourMonths: toNumber(values.warranty.labourMonths),
      noProofGraceMonths: toNumber(values.warranty.noProofGraceMonths),
    },
    maintenanceSchedule: values.maintenanceSchedule.map((task) => ({
      name: task.name.trim(),
      intervalDays: toNumber(task.intervalDays),
      instructions: task.instructions,
    })),
  };
}
