import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { IconCalendarEvent, IconClockPlay } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { CALENDARS_PATH, SCHEDULES_PATH } from './paths';

type Section = 'schedules' | 'calendars';
const PATHS: Record<Section, string> = { schedules: SCHEDULES_PATH, calendars: CALENDARS_PATH };

/** The two halves of the view, schedules and the business calendars they follow, as tabs with their own addresses. */
export function SectionTabs({ active, children }: { active: Section; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Tabs value={active} onChange={(value) => value && value !== active && void navigate(PATHS[value as Section])} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="schedules" leftSection={<IconClockPlay size={15} aria-hidden />}>
          Schedules
        </Tabs.Tab>
        <Tabs.Tab value="calendars" leftSection={<IconCalendarEvent size={15} aria-hidden />}>
          Calendars
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value={active}>{children}</Tabs.Panel>
    </Tabs>
  );
}
