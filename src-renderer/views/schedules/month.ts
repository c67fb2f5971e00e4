import { todayLocal } from './time';

/** A calendar month, 1 = January. */
export interface Month {
  year: number;
  month: number;
}

export function thisMonth(): Month {
  const [year, month] = todayLocal().split('-').map(Number);
  return { year: year as number, month: month as number };
}

export function shiftMonth({ year, month }: Month, by: number): Month {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** "2026-05": the prefix of the month's YYYY-MM-DD dates. */
export function monthPrefix({ year, month }: Month): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}
