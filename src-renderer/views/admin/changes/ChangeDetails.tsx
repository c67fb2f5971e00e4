import type { ReactNode } from 'react';
import { Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import type { ConfigChange } from '@shared/contract/work';
import { JsonTree } from '../../../ui/JsonTree';
import { listDiff, readDetails, weekdayNames, type ChangeDetailsView } from './change-details';

/** A label and its value on one line, as in the instance page's facts. */
function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" w={96} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

function Names({ items, color, empty = 'none' }: { items: readonly string[]; color?: string; empty?: string }) {
  if (items.length === 0)
    return (
      <Text span size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Group gap={4} component="span">
      {items.map((item) => (
        <Badge key={item} variant="light" color={color} tt="none">
          {item}
        </Badge>
      ))}
    </Group>
  );
}

function Dates({ label, dates, total, color }: { label: string; dates: readonly string[]; total: number; color: string }) {
  if (total === 0) return null;
  return (
    <Line label={`${label} (${total})`}>
      <Names items={dates} color={color} />
      {total > dates.length && (
        <Text span size="xs" c="dimmed">
          {' '}
          and {total - dates.length} more
        </Text>
      )}
    </Line>
  );
}

function RolesDetails({ details }: { details: Extract<ChangeDetailsView, { kind: 'roles' }>['details'] }) {
  const diff = listDiff(details.before, details.after);
  return (
    <>
      <Line label="User">
        <Text span fw={600} size="sm">
          {details.username}
        </Text>
      </Line>
      <Line label="Roles before">
        <Names items={details.before} />
      </Line>
      <Line label="Roles after">
        <Names items={details.after} />
      </Line>
      {diff.added.length > 0 && (
        <Line label="Granted">
          <Names items={diff.added} color="teal" />
        </Line>
      )}
      {diff.removed.length > 0 && (
        <Line label="Revoked">
          <Names items={diff.removed} color="red" />
        </Line>
      )}
    </>
  );
}

function ConflictsDetails({ details }: { details: Extract<ChangeDetailsView, { kind: 'conflicts' }>['details'] }) {
  const diff = listDiff(details.before, details.after);
  return (
    <>
      <Line label="Rules">
        {details.before.length} → {details.after.length}
      </Line>
      <Line label="Added">
        <Names items={diff.added} color="teal" />
      </Line>
      <Line label="Removed">
        <Names items={diff.removed} color="red" />
      </Line>
      {/* The core records rule ids only: a kept id may come with edited content. */}
      <Line label="Kept">
        <Names items={diff.kept} empty="none" />
        {diff.kept.length > 0 && (
          <Text size="xs" c="dimmed" mt={2}>
            Same ids; their content may have been edited (compare with the Conflict matrix tab).
          </Text>
        )}
      </Line>
    </>
  );
}

function DeployDetails({ details }: { details: Extract<ChangeDetailsView, { kind: 'deploy' }>['details'] }) {
  return (
    <>
      <Line label="File">
        <span className="mono">{details.file}</span>
      </Line>
      <Table withTableBorder fz="sm" verticalSpacing={4} aria-label="Artifacts to deploy" maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Content hash (SHA-256)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {details.artifacts.map((a) => (
            <Table.Tr key={`${a.kind}:${a.key}`}>
              <Table.Td>{a.kind}</Table.Td>
              <Table.Td>
                <Text span size="sm" fw={600}>
                  {a.key}
                </Text>
              </Table.Td>
              <Table.Td className="tabular">v{a.version}</Table.Td>
              <Table.Td>
                <span className="mono">{a.contentHash}</span>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

function HolidayCalendarDetails({ details }: { details: Extract<ChangeDetailsView, { kind: 'holiday-calendar' }>['details'] }) {
  const unchanged = details.added + details.removed + details.renamed === 0;
  return (
    <>
      <Line label="File">
        <span className="mono">{details.file}</span>{' '}
        <Text span size="xs" c="dimmed">
          ({details.mode})
        </Text>
      </Line>
      <Line label="SHA-256">
        <span className="mono">{details.sha256}</span>
      </Line>
      <Line label="Zone · weekend">
        {details.zone} · {weekdayNames(details.weekend)}
      </Line>
      {unchanged && <Line label="Holidays">no holiday added, removed or renamed</Line>}
      <Dates label="Added" dates={details.addedDates} total={details.added} color="teal" />
      <Dates label="Removed" dates={details.removedDates} total={details.removed} color="red" />
      <Dates label="Renamed" dates={details.renamedDates} total={details.renamed} color="yellow" />
      {details.skippedProblems.length > 0 && (
        <Line label="Skipped lines">
          <List size="xs" spacing={0}>
            {details.skippedProblems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        </Line>
      )}
    </>
  );
}

function CombinedCalendarDetails({ details }: { details: Extract<ChangeDetailsView, { kind: 'combined-calendar' }>['details'] }) {
  return (
    <>
      <Line label="Combines">
        <Names items={details.members} />
      </Line>
      <Line label="Zone · weekend">
        {details.zone} · {weekdayNames(details.weekend)}
      </Line>
    </>
  );
}

function SettingsChangeDetails({ details }: { details: Extract<ChangeDetailsView, { kind: 'settings' }>['details'] }) {
  return (
    <>
      {details.reason && <Line label="Reason">{details.reason}</Line>}
      {details.changes.length === 0 ? (
        <Line label="Settings">no value changes</Line>
      ) : (
        <Table withTableBorder fz="sm" verticalSpacing={4} aria-label="Settings changed" maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Setting</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {details.changes.map((c) => (
              <Table.Tr key={c.path}>
                <Table.Td>
                  <span className="mono">{c.path}</span>
                </Table.Td>
                <Table.Td>
                  <span className="mono">{c.before}</span>
                </Table.Td>
                <Table.Td>
                  <Text span size="sm" fw={600} className="mono">
                    {c.after}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {details.unchanged > 0 && (
        <Text size="xs" c="dimmed">
          {details.unchanged} other setting{details.unchanged === 1 ? '' : 's'} unchanged
        </Text>
      )}
    </>
  );
}

/** What a change will do, in the words of its kind; anything else as the raw tree. */
export function ChangeDetails({ change }: { change: ConfigChange }) {
  const view = readDetails(change);
  return (
    <Stack gap={4}>
      {view.kind === 'roles' && <RolesDetails details={view.details} />}
      {view.kind === 'conflicts' && <ConflictsDetails details={view.details} />}
      {view.kind === 'deploy' && <DeployDetails details={view.details} />}
      {view.kind === 'holiday-calendar' && <HolidayCalendarDetails details={view.details} />}
      {view.kind === 'combined-calendar' && <CombinedCalendarDetails details={view.details} />}
      {view.kind === 'settings' && <SettingsChangeDetails details={view.details} />}
      {view.kind === 'unknown' && <JsonTree value={change.details} open={1} />}
    </Stack>
  );
}
