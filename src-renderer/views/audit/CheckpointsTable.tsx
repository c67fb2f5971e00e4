import { Badge, Button, Center, Loader, Table, Text, Title, Tooltip } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { OpOutput } from '@shared/contract';
import type { CheckpointRecord } from '@shared/contract/evidence';
import type { ApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { formatTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';

const PAGE = 100;

const TRIGGER: Record<CheckpointRecord['trigger'], string> = {
  schedule: 'schedule',
  export: 'report export',
  manual: 'signed by an admin',
  rotation: 'key rotation',
};

function Witness({ witness, folderSet }: { witness: CheckpointRecord['witness']; folderSet: boolean }) {
  if (witness.file) return <span className="mono">{witness.file}</span>;
  if (!folderSet && !witness.error)
    return (
      <Text span size="sm" c="dimmed">
        none: no witness folder set
      </Text>
    );
  return (
    <Tooltip label={witness.error ?? 'not written yet'} multiline w={300}>
      <Badge color="orange" variant="light">
        not witnessed yet
      </Badge>
    </Tooltip>
  );
}

/** The signed checkpoints, newest first, with the witness file each was copied to (`folderSet`: the site has a witness folder). */
export function CheckpointsTable({ folderSet }: { folderSet: boolean }) {
  const list = useInfiniteQuery<OpOutput<'checkpoints.list'>, ApiError>({
    queryKey: ['checkpoints.list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.call('checkpoints.list', { limit: PAGE, ...(pageParam ? { cursor: pageParam as string } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="checkpoints-heading">
      <Title order={2} size="h4" id="checkpoints-heading" mb="xs">
        Signed checkpoints
      </Title>
      {list.isPending && <Loader size="sm" aria-label="Loading checkpoints" />}
      {list.error && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No checkpoint signed yet. One is signed on the checkpoint schedule, at every report export, or when an administrator signs one now.
        </Text>
      )}
      {items.length > 0 && (
        <Table withTableBorder striped verticalSpacing={4} aria-label="Signed checkpoints" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Tree size</Table.Th>
              <Table.Th w={160}>Signed</Table.Th>
              <Table.Th w={150}>Key id</Table.Th>
              <Table.Th w={140}>Trigger</Table.Th>
              <Table.Th>Root hash</Table.Th>
              <Table.Th>Witness file</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((record) => (
              <Table.Tr key={record.id}>
                <Table.Td className="tabular">{record.checkpoint.treeSize}</Table.Td>
                <Table.Td className="tabular">{formatTime(record.checkpoint.time)}</Table.Td>
                <Table.Td className="mono">
                  {record.checkpoint.keyId}
                  {record.checkpoint.nextKey && (
                    <Text size="xs" c="dimmed">
                      announces {record.checkpoint.nextKey.keyId}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{TRIGGER[record.trigger]}</Table.Td>
                <Table.Td className="mono">{record.checkpoint.rootHash}</Table.Td>
                <Table.Td>
                  <Witness witness={record.witness} folderSet={folderSet} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load older checkpoints
          </Button>
        </Center>
      )}
    </section>
  );
}
