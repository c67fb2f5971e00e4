/**
 * Business calendars for Clearline: which days a market or an entity works, how dates move
 * off closed days (conventions), T+n, business-day waits and business-hour SLAs, and holiday
 * lists imported from iCalendar and CSV. Pure functions of their arguments: no clock, no I/O.
 * Every date and zone computation goes through Temporal. See docs/calendars-and-schedules.md.
 */
export type { IsoDate } from './iso-date';
export { isIsoDate } from './iso-date';
export type { BusinessCalendar, CalendarLookup, HolidayEntry, SiteCalendar } from './business-calendar';
export { businessDaysInMonth, combineCalendars, DEFAULT_WEEKEND, isBusinessDay, makeCalendar } from './business-calendar';
export type { Convention } from './conventions';
export { adjust, CONVENTIONS } from './conventions';
export { addBusinessDays } from './business-days';
export { addBusinessDaysAt } from './business-time';
export type { OpeningHours } from './business-hours';
export { addBusinessHours, businessHoursBetween } from './business-hours';
export { isTimeOfDay, isTimeZone } from './local-time';
export type { IcsOptions } from './ics/parse-ics';
export { DEFAULT_ICS_HORIZON_YEAR, parseIcs } from './ics/parse-ics';
export { parseHolidayCsv } from './holiday-csv';
