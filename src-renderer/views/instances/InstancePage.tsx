import './instances.css';
import { useMemo, useState } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, Loader, Paper, Tabs, Text } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { InstanceDetail } from '@shared/contract/engine';
import { opKey, useOp } from '../../api/hooks';
import { WorkflowDiagram } from '../../diagram/WorkflowDiagram';
import { stepKinds } from '../../diagram/workflow-graph';
import { useCan } from '../../session/session-context';
import { formatTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { describeActor } from '@shared/domain/audit';
import { ChildrenTab } from './ChildrenTab';
import { IncidentsTab } from './IncidentsTab';
import { InstanceCommandModal, type InstanceCommand } from './InstanceCommandModal';
import { instancePath } from './paths';
import { ENDED } from './status';
import { StatusBadge } from './StatusBadge';
import { TimelineTab, timelineKey } from './TimelineTab';
import { useThrottledRefetch } from '../../ui/use-live-refresh';
import { VariablesTab } from './VariablesTab';

const TABS = ['timeline', 'variables', 'incidents', 'children'] as const;
type Tab = (typeof TABS)[number];

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" lh={1.2}>
        {label}
      </Text>
      <Text size="sm" lh={1.4} component="div">
        {children}
      </Text>
    </div>
  );
}

function Facts({ detail }: { detail: InstanceDetail }) {
  const i = detail.instance;
  return (
    <Paper withBorder radius="sm" px="sm" py={8} mb="md">
      <Group gap="xl" wrap="wrap" align="flex-start">
        <Fact label="Status">
          <StatusBadge status={i.status} size="md" />
        </Fact>
        <Fact label="Workflow">
          <Anchor component={Link} to={`/workflows/${encodeURIComponent(i.workflowKey)}?version=${i.workflowVersion}`} size="sm" fw={600}>
            {i.workflowKey} v{i.workflowVersion}
          </Anchor>
        </Fact>
        <Fact label="Business key">{i.businessKey ?? '—'}</Fact>
        <Fact label="Started">
          <span className="tabular">{formatTime(i.startedAt)}</span> by {describeActor(i.startedBy)}
        </Fact>
        <Fact label={i.endedAt ? 'Ended' : 'Updated'}>
          <span className="tabular">{formatTime(i.endedAt ?? i.updatedAt)}</span>
        </Fact>
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        Instance <span className="mono">{i.id}</span> · definition hash{' '}
        <span className="mono" title={detail.contentHash}>
          {detail.contentHash.slice(0, 16)}
        </span>
        {i.parentId && (
          <>
            {' '}
            · started by instance{' '}
            <Anchor component={Link} to={instancePath(i.parentId)} size="xs" ff="monospace">
              {i.parentId}
            </Anchor>
          </>
        )}
      </Text>
    </Paper>
  );
}

/**
 * One instance: its facts, its pinned definition drawn with each step's state (live, as the
 * engine reports changes), and tabs for the timeline, variables, incidents and children.
 * Operators suspend, resume and cancel it here, and act on its incidents.
 */
export function InstancePage() {
  const { instanceId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const can = useCan();
  // Pushed events keep the page live; a slow poll covers a dropped event stream while it runs.
  const query = useOp('instances.get', { instanceId }, { refetchInterval: (q) => (q.state.data && ENDED.has(q.state.data.instance.status) ? false : 15_000) });
  const [command, setCommand] = useState<InstanceCommand | null>(null);
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'timeline';

  // This instance and its sub-workflow instances (their ids extend the parent's).
  useThrottledRefetch(
    'instances.changed',
    ({ instanceId: changed }) =>
      changed === instanceId || changed.startsWith(`${instanceId}.`) ? [opKey('instances.get', { instanceId }), timelineKey(instanceId)] : null,
    300,
  );
  useThrottledRefetch('incidents.changed', ({ instanceId: changed }) => (changed === instanceId ? [opKey('instances.get', { instanceId })] : null), 300);

  const detail = query.data;
  const kinds = useMemo(() => (detail ? stepKinds(detail.definition) : new Map<string, string>()), [detail?.definition]);
  const activations = useMemo(() => new Map(Object.entries(detail?.steps ?? {}).map(([step, run]) => [run.activation, step])), [detail?.steps]);

  const breadcrumbs = (
    <Breadcrumbs mb={4} fz="xs">
      <Anchor component={Link} to="/instances" size="xs">
        Instances
      </Anchor>
      <Text size="xs">{detail?.instance.businessKey ?? instanceId}</Text>
    </Breadcrumbs>
  );
  if (query.error)
    return (
      <>
        {breadcrumbs}
        <ViewHeader title="Instance" />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  if (!detail)
    return (
      <>
        {breadcrumbs}
        <ViewHeader title="Instance" />
        <Loader size="sm" aria-label="Loading instance" />
      </>
    );

  const i = detail.instance;
  const ended = ENDED.has(i.status);
  const operate = can('instance.operate') && !ended;
  const openIncidents = detail.incidents.filter((x) => x.status === 'open').length;

  return (
    <>
      {breadcrumbs}
      <ViewHeader
        title={`${i.workflowKey}${i.businessKey ? ` · ${i.businessKey}` : ''}`}
        actions={
          operate && (
            <>
              {i.status === 'suspended' ? (
                <Button variant="default" leftSection={<IconPlayerPlay size={16} />} onClick={() => setCommand('resume')}>
                  Resume
                </Button>
              ) : (
                <Button variant="default" leftSection={<IconPlayerPause size={16} />} onClick={() => setCommand('suspend')}>
                  Suspend
                </Button>
              )}
              <Button variant="light" color="red" leftSection={<IconX size={16} />} onClick={() => setCommand('cancel')}>
                Cancel
              </Button>
            </>
          )
        }
      />
      <Facts detail={detail} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <WorkflowDiagram
            definition={detail.definition}
            cacheKey={detail.contentHash}
            stepStates={detail.steps}
            status={i.status}
            label={`Diagram of ${i.workflowKey} v${i.workflowVersion} with step states`}
            maxHeight={900}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Tabs value={tab} onChange={(value) => setParams(value && value !== 'timeline' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="xs">
              <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
              <Tabs.Tab value="variables">Variables</Tabs.Tab>
              <Tabs.Tab
                value="incidents"
                rightSection={
                  detail.incidents.length > 0 ? (
                    <Badge size="xs" circle color={openIncidents > 0 ? 'red' : 'gray'} variant={openIncidents > 0 ? 'filled' : 'light'}>
                      {openIncidents > 0 ? openIncidents : detail.incidents.length}
                    </Badge>
                  ) : undefined
                }
              >
                Incidents
              </Tabs.Tab>
              <Tabs.Tab
                value="children"
                rightSection={
                  detail.children.length > 0 ? (
                    <Badge size="xs" circle color="gray" variant="light">
                      {detail.children.length}
                    </Badge>
                  ) : undefined
                }
              >
                Children
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="timeline">
              <TimelineTab instanceId={i.id} activations={activations} />
            </Tabs.Panel>
            <Tabs.Panel value="variables">
              <VariablesTab detail={detail} />
            </Tabs.Panel>
            <Tabs.Panel value="incidents">
              <IncidentsTab detail={detail} stepKinds={kinds} />
            </Tabs.Panel>
            <Tabs.Panel value="children">
              <ChildrenTab children={detail.children} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
      {command && <InstanceCommandModal instance={i} command={command} onClose={() => setCommand(null)} />}
    </>
  );
}
