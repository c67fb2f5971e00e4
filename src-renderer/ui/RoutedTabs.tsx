import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { useNavigate } from 'react-router';

export interface RoutedTab<S extends string> {
  value: S;
  label: string;
  icon: ReactNode;
  path: string;
}

/** A view's parts as tabs, each with its own address: choosing a tab navigates there. */
export function RoutedTabs<S extends string>({
  tabs,
  active,
  label,
  children,
}: {
  tabs: readonly RoutedTab<S>[];
  active: S;
  label: string;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const pathOf = (value: string) => tabs.find((t) => t.value === value)?.path;
  return (
    <Tabs
      value={active}
      onChange={(value) => {
        const path = value && value !== active ? pathOf(value) : undefined;
        if (path) void navigate(path);
      }}
      keepMounted={false}
    >
      <Tabs.List mb="md" aria-label={label}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} leftSection={tab.icon}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value={active}>{children}</Tabs.Panel>
    </Tabs>
  );
}
