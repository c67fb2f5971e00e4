import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import type { AuditSubject } from '@shared/domain/audit';
import type { Permission } from '@shared/permissions';
import { useCan } from '../../session/session-context';
import { instancePath } from '../instances/paths';
import { taskPath } from '../queues/paths';
import { schedulePath } from '../schedules/paths';
import { auditInstancePath, searchPath } from './paths';
import { paramsFromFilters } from './search-params';

interface SubjectLink {
  label: string;
  to: string;
  /** Needed to open the page (the link is not offered otherwise). */
  permission?: Permission;
}

/** Where a subject can be looked at in the console, besides the trail's events about it. */
function linksOf(subject: AuditSubject): SubjectLink[] {
  const id = subject.id;
  switch (subject.type) {
    case 'instance':
      return [
        { label: 'Decision chain', to: auditInstancePath(id) },
        { label: 'Instance page', to: instancePath(id), permission: 'instance.read' },
      ];
    case 'task':
      return [{ label: 'Task page', to: taskPath(id), permission: 'task.read' }];
    case 'schedule':
      return [{ label: 'Schedule page', to: schedulePath(id), permission: 'schedule.read' }];
    case 'user':
      return [{ label: 'Users', to: '/admin/users', permission: 'user.read' }];
    default:
      return [];
  }
}

/** Links from an event to its subject: its own page, and every event about it. */
export function SubjectLinks({ subject }: { subject: AuditSubject }) {
  const can = useCan();
  const links = linksOf(subject).filter((l) => !l.permission || can(l.permission));
  const about = searchPath(paramsFromFilters({ subjectType: subject.type, subjectId: subject.id }));
  return (
    <Group gap="md" component="span">
      {links.map((l) => (
        <Anchor key={l.to} component={Link} to={l.to} size="sm">
          {l.label}
        </Anchor>
      ))}
      <Anchor component={Link} to={about} size="sm">
        Every event about this {subject.type}
      </Anchor>
    </Group>
  );
}
