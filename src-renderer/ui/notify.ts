import { notifications } from '@mantine/notifications';
import type { ApiError } from '../api/api-error';

/** A refused or failed call that no form field can show. */
export function notifyError(error: ApiError, title = 'The action was refused'): void {
  notifications.show({
    color: 'red',
    title: error.status >= 500 || error.status === 0 ? 'Something went wrong' : title,
    message: error.errorId ? `${error.message} (error ${error.errorId})` : error.message,
    autoClose: 8_000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4_000 });
}
