import { z } from 'zod';
import { contract } from '@shared/contract';
import { contractResolver } from '../../forms/resolver';

/** What every calendar has besides its holidays: the form's values (weekdays as strings, as checkbox groups hold them). */
export interface CalendarSettings {
  name: string;
  description: string;
  zone: string;
  weekend: string[];
}

const SETTINGS = contract['calendars.import'].input.pick({ name: true, description: true, zone: true, weekend: true }).shape;

/** The settings in the contract's shape. */
export function settingsInput(values: CalendarSettings): { name: string; description: string; zone: string; weekend: number[] } {
  return { name: values.name.trim(), description: values.description.trim(), zone: values.zone, weekend: values.weekend.map(Number).sort((a, b) => a - b) };
}

/**
 * Validates a calendar form with the contract's own rules for these fields (and `extra` ones,
 * such as a combination's members); the form's other values are not the schema's concern.
 */
export function validateSettings<T extends CalendarSettings>(extra: z.ZodRawShape = {}) {
  const resolve = contractResolver(z.object({ ...SETTINGS, ...extra }));
  return (values: T) => resolve({ ...values, ...settingsInput(values) });
}
