// Maps an API `validation_failed` answer onto @mantine/form field paths so each message shows next to its field.
import { ApiError } from './api';

/** `body.warranty.partsMonths` → `warranty.partsMonths`; `body.gtins.0` → `gtins.0`. */
export function fieldPath(apiPath: string): string {
  return apiPath.replace(/^(body|query|params)\./, '');
}

/** Field errors for form.setErrors; `{}` when the error is not a validation failure. */
export function formErrorsFrom(error: unknown, rename: (path: string) => string = (path) => path): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const problem of error.fieldProblems) {
    const path = rename(fieldPath(problem.path));
    // Keep the first message per field: it is usually the most specific one.
    errors[path] ??= problem.message;
  }
  return errors;
}
