import type { ReactNode } from 'react';
import { IconCalendarEvent, IconClockPlay } from '@tabler/icons-react';
import { RoutedTabs, type RoutedTab } from '../../ui/RoutedTabs';
import { CALENDARS_PATH, SCHEDULES_PATH } from './paths';

type Section = 'schedules' | 'calendars';

const TABS: readonly RoutedTab<Section>[] = [
  { value: 'schedules', label: 'Schedules', icon: <IconClockPlay size={15} aria-hidden />, path: SCHEDULES_PATH },
  { value: 'calendars', label: 'Calendars', icon: <IconCalendarEvent size={15} aria-hidden />, path: CALENDARS_PATH },
];

/** The two halves of the view, schedules and the business calendars they follow, as tabs with their own addresses. */
export function SectionTabs({ active, children }: { active: Section; children: ReactNode }) {
  return (
    <RoutedTabs tabs={TABS} active={active} label="Schedules sections">
      {children}
    </RoutedTabs>
  );
}
