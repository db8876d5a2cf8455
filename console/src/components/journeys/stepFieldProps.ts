// What every step's fields get from the step card.
import type { ReactNode } from 'react';
import type { JourneyStep } from '../../types';

export interface StepFieldProps<T extends JourneyStep> {
  step: T;
  onChange: (step: T) => void;
  /** The API's problem with one of the step's fields (`duration`, `paths.0.percent`, …). */
  errorOf: (field: string) => ReactNode;
  /** Every API problem, by form path, for the condition editor. */
  errors: Record<string, ReactNode>;
  /** The step's form path, e.g. `definition.steps.2`. */
  path: string;
  steps: readonly JourneyStep[];
  readOnly: boolean;
}

/** The step with an optional field set, or left out when empty. */
export function withOptional<T extends object, K extends keyof T>(step: T, field: K, value: T[K] | undefined): T {
  const { [field]: _old, ...rest } = step;
  return (value === undefined || value === '' ? rest : { ...rest, [field]: value }) as T;
}
