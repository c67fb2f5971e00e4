import { useEffect, useState } from 'react';
import { Button, Loader, Text, TextInput } from '@mantine/core';
import { IconFileImport, IconSearch } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useOp } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { preloadLayout } from '../../diagram/layout-cache';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { ImportModal } from './ImportModal';
import { workflowPath, WorkflowsTable } from './WorkflowsTable';

/** Workflows: what is deployed, and the door to import a new file or version. */
export function WorkflowList() {
  const can = useCan();
  const navigate = useNavigate();
  const workflows = useOp('workflows.list', {});
  useEffect(preloadLayout, []);
  const [importing, setImporting] = useState(false);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = (workflows.data?.items ?? []).filter((w) => !needle || w.key.includes(needle) || w.name.toLowerCase().includes(needle));
  const count = workflows.data?.items.length;

  return (
    <>
      <ViewHeader
        title="Workflows"
        subtitle={count === undefined ? undefined : `${count} deployed workflow${count === 1 ? '' : 's'} · j/k to move, Enter to open`}
        actions={
          <>
            <TextInput
              aria-label="Filter workflows"
              placeholder="Filter by key or name"
              leftSection={<IconSearch size={14} />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              w={220}
            />
            {can('workflow.deploy') && (
              <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
                Import
              </Button>
            )}
          </>
        }
      />
      {workflows.isPending && <Loader size="sm" aria-label="Loading workflows" />}
      {workflows.error && <QueryError error={workflows.error} onRetry={() => void workflows.refetch()} />}
      {workflows.data && workflows.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No workflow is deployed yet.{can('workflow.deploy') ? ' Import a YAML or JSON definition to deploy its first version.' : ''}
        </Text>
      )}
      {shown.length > 0 && <WorkflowsTable workflows={shown} onOpen={(key) => void navigate(workflowPath(key))} />}
      {can('workflow.deploy') && <ImportModal opened={importing} onClose={() => setImporting(false)} />}
    </>
  );
}
