import type { ReactNode } from 'react';
import { IconCertificate, IconFileCertificate, IconListSearch } from '@tabler/icons-react';
import { RoutedTabs, type RoutedTab } from '../../ui/RoutedTabs';
import { AUDIT_PATH, EVIDENCE_PATH, REPORTS_PATH } from './paths';

type Section = 'trail' | 'reports' | 'evidence';

const TABS: readonly RoutedTab<Section>[] = [
  { value: 'trail', label: 'Trail', icon: <IconListSearch size={15} aria-hidden />, path: AUDIT_PATH },
  { value: 'reports', label: 'Reports', icon: <IconFileCertificate size={15} aria-hidden />, path: REPORTS_PATH },
  { value: 'evidence', label: 'Evidence', icon: <IconCertificate size={15} aria-hidden />, path: EVIDENCE_PATH },
];

/** The view's three parts, each with its own address: the trail, signed reports, and the keys and checkpoints behind them. */
export function SectionTabs({ active, children }: { active: Section; children: ReactNode }) {
  return (
    <RoutedTabs tabs={TABS} active={active} label="Audit sections">
      {children}
    </RoutedTabs>
  );
}
