import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { IconCertificate, IconFileCertificate, IconListSearch } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { AUDIT_PATH, EVIDENCE_PATH, REPORTS_PATH } from './paths';

type Section = 'trail' | 'reports' | 'evidence';
const PATHS: Record<Section, string> = { trail: AUDIT_PATH, reports: REPORTS_PATH, evidence: EVIDENCE_PATH };

/** The view's three parts, each with its own address: the trail, signed reports, and the keys and checkpoints behind them. */
export function SectionTabs({ active, children }: { active: Section; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Tabs value={active} onChange={(value) => value && value !== active && void navigate(PATHS[value as Section])} keepMounted={false}>
      <Tabs.List mb="md" aria-label="Audit sections">
        <Tabs.Tab value="trail" leftSection={<IconListSearch size={15} aria-hidden />}>
          Trail
        </Tabs.Tab>
        <Tabs.Tab value="reports" leftSection={<IconFileCertificate size={15} aria-hidden />}>
          Reports
        </Tabs.Tab>
        <Tabs.Tab value="evidence" leftSection={<IconCertificate size={15} aria-hidden />}>
          Evidence
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value={active}>{children}</Tabs.Panel>
    </Tabs>
  );
}
