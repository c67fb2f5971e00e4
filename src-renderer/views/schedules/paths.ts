/** Addresses inside the Schedules view. */
export const SCHEDULES_PATH = '/schedules';
export const CALENDARS_PATH = '/schedules/calendars';

export function schedulePath(scheduleId: string, page?: 'edit'): string {
  return `${SCHEDULES_PATH}/${encodeURIComponent(scheduleId)}${page ? `/${page}` : ''}`;
}

export function calendarPath(name: string): string {
  return `${CALENDARS_PATH}/${encodeURIComponent(name)}`;
}
