// One place that decides how API outcomes are told to the user.
import { notifications } from '@mantine/notifications';
import { ApiError } from './api';

export function notifySuccess(message: string) {
  notifications.show({ color: 'green', title: 'Done', message });
}

export function notifyError(error: unknown) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  notifications.show({ color: 'red', title: error instanceof ApiError && error.code === 'validation_failed' ? 'Please check the form' : 'Error', message });
}
