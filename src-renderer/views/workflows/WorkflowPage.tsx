import { useState } from 'react';
import { Anchor, Breadcrumbs, Button, Grid, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { OpOutput } from '@shared/contract';
import { useOp } from '../../api/hooks';
import { WorkflowDiagram } from '../../diagram/WorkflowDiagram';
import { useCan } from '../../session/session-context';
import { formatTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { StartInstanceModal } from '../instances/StartInstanceModal';
import { SourceView } from './SourceView';

type Detail = OpOutput<'workflows.get'>;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={110} fw={500} c="dimmed" fz="xs" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td fz="sm">{children}</Table.Td>
    </Table.Tr>
  );
}

/** What identifies a version: its hash, file, deployment, and the exact tables and sub-workflows it pinned. */
function VersionFacts({ detail }: { detail: Detail }) {
  const tables = Object.entries(detail.pins.tables);
  const workflows = Object.entries(detail.pins.workflows);
  const businessKey = (detail.definition as { businessKey?: unknown } | null)?.businessKey;
  return (
    <Paper withBorder p="sm" radius="sm">
      <Title order={2} size="h4" mb={6}>
        Version {detail.version}
      </Title>
      <Table verticalSpacing={4} horizontalSpacing={6} withRowBorders={false} aria-label="Version details">
        <Table.Tbody>
          <Fact label="Content hash">
            <span className="mono" data-testid="content-hash">
              {detail.contentHash}
            </span>
          </Fact>
          <Fact label="Source file">
            <span className="mono">{detail.sourceFile}</span>
          </Fact>
          <Fact label="Deployed">
            <span className="tabular">{formatTime(detail.deployedAt)}</span> by {detail.deployedBy}
          </Fact>
          {typeof businessKey === 'string' && (
            <Fact label="Business key">
              <span className="mono">{businessKey}</span>
            </Fact>
          )}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5" mt="sm" mb={4}>
        Pinned versions
      </Title>
      {tables.length + workflows.length === 0 ? (
        <Text size="xs" c="dimmed">
          This version uses no decision table and no sub-workflow.
        </Text>
      ) : (
        <Table verticalSpacing={3} horizontalSpacing={6} fz="xs" aria-label="Pinned versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Hash</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tables.map(([key, pin]) => (
              <Table.Tr key={`t:${key}`}>
                <Table.Td>decision table</Table.Td>
                <Table.Td fw={600}>{key}</Table.Td>
                <Table.Td>v{pin.version}</Table.Td>
                <Table.Td className="mono" title={pin.contentHash}>
                  {pin.contentHash.slice(0, 12)}
                </Table.Td>
              </Table.Tr>
            ))}
            {workflows.map(([key, pin]) => (
              <Table.Tr key={`w:${key}`}>
                <Table.Td>sub-workflow</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/workflows/${encodeURIComponent(key)}?version=${pin.version}`} fz="xs" fw={600}>
                    {key}
                  </Anchor>
                </Table.Td>
                <Table.Td>v{pin.version}</Table.Td>
                <Table.Td className="mono" title={pin.contentHash}>
                  {pin.contentHash.slice(0, 12)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/**
 * One workflow: pick a version, see it drawn, read its source and what it pinned, and start
 * an instance of it.
 */
export function WorkflowPage() {
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const requested = Number(params.get('version')) || undefined;
  const query = useOp('workflows.get', requested ? { key, version: requested } : { key }, { placeholderData: (previous) => previous });
  const [starting, setStarting] = useState(false);
  const detail = query.data?.key === key ? query.data : undefined;

  const breadcrumbs = (
    <Breadcrumbs mb={4} fz="xs">
      <Anchor component={Link} to="/workflows" size="xs">
        Workflows
      </Anchor>
      <Text size="xs">{key}</Text>
    </Breadcrumbs>
  );

  if (query.error)
    return (
      <>
        {breadcrumbs}
        <ViewHeader title={key} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  if (!detail)
    return (
      <>
        {breadcrumbs}
        <ViewHeader title={key} />
        <Loader size="sm" aria-label="Loading workflow" />
      </>
    );

  const latest = detail.versions.reduce((max, v) => Math.max(max, v.version), 0);
  return (
    <>
      {breadcrumbs}
      <ViewHeader
        title={detail.name}
        subtitle={
          <>
            <span className="mono">{detail.key}</span> · version {detail.version}
            {detail.version === latest ? ' (latest)' : ` (latest is v${latest})`} · deployed {formatTime(detail.deployedAt)} by {detail.deployedBy}
          </>
        }
        actions={
          <>
            <Select
              aria-label="Version"
              w={210}
              value={String(detail.version)}
              allowDeselect={false}
              data={[...detail.versions]
                .sort((a, b) => b.version - a.version)
                .map((v) => ({ value: String(v.version), label: `v${v.version} · ${formatTime(v.deployedAt).slice(0, 16)}` }))}
              onChange={(value) => value && setParams({ version: value })}
            />
            {can('instance.start') && (
              <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => setStarting(true)}>
                Start instance
              </Button>
            )}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <WorkflowDiagram
            definition={detail.definition}
            cacheKey={detail.contentHash}
            label={`Diagram of ${detail.key} v${detail.version}`}
            maxHeight={1100}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <VersionFacts detail={detail} />
            <div>
              <Group justify="space-between" mb={6}>
                <Title order={2} size="h4">
                  Source
                </Title>
                <Text size="xs" c="dimmed">
                  {detail.sourceFile} · {detail.source.split('\n').length} lines
                </Text>
              </Group>
              <SourceView text={detail.source} label={`Source of ${detail.key} v${detail.version}`} maxHeight={640} />
            </div>
          </Stack>
        </Grid.Col>
      </Grid>
      {starting && (
        <StartInstanceModal
          workflow={detail.key}
          version={detail.version}
          businessKey={
            typeof (detail.definition as { businessKey?: unknown } | null)?.businessKey === 'string'
              ? (detail.definition as { businessKey: string }).businessKey
              : null
          }
          onClose={() => setStarting(false)}
        />
      )}
    </>
  );
}
