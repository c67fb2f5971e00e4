import type { ControlReport, ReportRequest } from '@shared/contract/evidence';
import type { TrailSelection } from '../../store/evidence-repositories';
import type { ReportContent } from '../report-content';

/** What each control report is about: the events that are its evidence. */
const CONTROLS: Record<ControlReport, { title: string; subtitle: string; selection: TrailSelection }> = {
  'sod-refusals': {
    title: 'Refused segregation-of-duties attempts',
    subtitle: 'Approvals refused because the person initiated or changed the data, and configuration changes refused under four-eyes control',
    selection: { actions: ['access.refused'], refusalCodes: ['segregation_of_duties', 'four_eyes', 'self_grant'] },
  },
  'break-glass': {
    title: 'Break-glass overrides',
    subtitle: 'Controls overridden with a mandatory reason, and their reviews',
    selection: { actions: ['approval.break-glass'] },
  },
  'config-changes': {
    title: 'Configuration changes and their second approvers',
    subtitle: 'Every four-eyes configuration change: requested, approved (by whom), rejected or applied on a single-admin site',
    selection: { actions: ['config-change.'] },
  },
  'sla-breaches': {
    title: 'SLA breaches and escalations',
    subtitle: 'Tasks that missed their deadline, the escalations that followed, schedule runs at risk of their cut-off',
    selection: { actions: ['task.sla-breached', 'task.escalated', 'schedule.at-risk'] },
  },
  incidents: {
    title: 'Incidents and their resolution',
    subtitle: 'Incidents raised by the engine, who they were handed to, and how they were resolved',
    selection: { actions: ['incident.'] },
  },
  'unmasked-views': {
    title: 'Unmasked views of sensitive data',
    subtitle: 'Each time a person displayed a masked field (account number, tax id) in clear',
    selection: { actions: ['data.unmasked'] },
  },
};

export interface ReportPlan {
  kind: ReportContent['kind'];
  title: string;
  subtitle: string;
  selection: TrailSelection;
}

function period(from: string, to: string): string {
  return `${from} to ${to}`;
}

/** The events a requested report holds, and how it is titled. */
export function planReport(request: ReportRequest): ReportPlan {
  // The request schema requires from and to for period and control reports.
  const span = { ...(request.from ? { from: request.from } : {}), ...(request.to ? { to: request.to } : {}) };
  const from = request.from ?? '';
  const to = request.to ?? '';
  switch (request.kind) {
    case 'instance':
      return {
        kind: 'instance-evidence',
        title: `Instance evidence: ${request.instanceId}`,
        subtitle: 'The whole decision chain of one workflow instance',
        selection: { instanceId: request.instanceId as string },
      };
    case 'control': {
      const control = CONTROLS[request.control as ControlReport];
      return {
        kind: 'control',
        title: control.title,
        subtitle: `${period(from, to)}. ${control.subtitle}`,
        selection: { ...control.selection, filters: span },
      };
    }
    case 'period': {
      const filters = Object.entries(request.filters ?? {}).map(([k, v]) => `${k} ${String(v)}`);
      return {
        kind: 'period',
        title: `Period report, ${period(from, to)}`,
        subtitle: filters.length ? `Events with ${filters.join(', ')}` : 'Every event of the period',
        selection: { filters: { ...request.filters, ...span } },
      };
    }
  }
}
