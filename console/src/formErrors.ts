// Maps an API `validation_failed` answer onto @mantine/form field paths so each message shows next to its field.
import { ApiError } from './api';
import { notifyError } from './notify';

/** `body.warranty.partsMonths` → `warranty.partsMonths`; `body.gtins.0` → `gtins.0`. */
export function fieldPath(apiPath: string): string {
  return apiPath.replace(/^(body|query|params)\./, '');
}

/** Field errors for form.setErrors; `{}` when the error is not a validation failure. */
export function formErrorsFrom(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const problem of error.fieldProblems) {
    const path = fieldPath(problem.path);
    // Keep the first message per field: it is usually the most specific one.
    errors[path] ??= problem.message;
  }
  return errors;
}

/** A failed save: each field's message beside its field, and the overall message as a notification. */
export function showSaveError(form: { setErrors: (errors: Record<string, string>) => void }, error: unknown): void {
  form.setErrors(formErrorsFrom(error));
  notifyError(error);
}
