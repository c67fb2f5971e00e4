import { useState } from 'react';
import { Alert, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileTypePdf, IconPaperclip, IconPhoto } from '@tabler/icons-react';
import type { TaskDetail } from '@shared/contract/work';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { ATTACHABLE, readAttachment } from './attach-file';
import { DocumentViewer } from './DocumentViewer';

type Doc = TaskDetail['documents'][number];

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Attaches a PDF, PNG or JPEG to the task (stored encrypted by the core). */
function AttachButton({ taskId }: { taskId: string }) {
  const attach = useOpMutation('tasks.attach', { invalidates: ['tasks.get'] });
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (file: File | null) => {
    if (!file) return;
    setProblem(null);
    const read = await readAttachment(file);
    if (!read.ok) return setProblem(read.problem);
    try {
      await attach.mutateAsync({ taskId, name: file.name, mediaType: read.mediaType, contentBase64: read.contentBase64 });
      notifySuccess(`${file.name} attached.`);
    } catch (error) {
      setProblem((error as ApiError).message);
    }
  };
  return (
    <Stack gap={4} align="flex-start">
      <FileButton onChange={(file) => void choose(file)} accept={ATTACHABLE.join(',')}>
        {(props) => (
          <Button {...props} size="xs" variant="default" leftSection={<IconPaperclip size={14} />} loading={attach.isPending}>
            Attach document
          </Button>
        )}
      </FileButton>
      {problem && (
        <Alert role="alert" color="red" variant="light" py={6}>
          {problem}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * The task's documents; each opens in the viewer inside the console. Those who work on the
 * task attach more (the core decides who may).
 */
export function Documents({ detail, canAttach }: { detail: Pick<TaskDetail, 'documents' | 'task'>; canAttach: boolean }) {
  const [open, setOpen] = useState<Doc | null>(null);
  return (
    <Stack gap="xs">
      {detail.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          No documents{canAttach ? ': attach the invoice or other evidence as PDF, PNG or JPEG.' : '.'}
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label="Documents">
          <Table.Tbody>
            {detail.documents.map((doc) => (
              <Table.Tr key={doc.id} data-document={doc.name}>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={doc.mediaType === 'application/pdf' ? <IconFileTypePdf size={16} /> : <IconPhoto size={16} />}
                    onClick={() => setOpen(doc)}
                    aria-label={`Open ${doc.name}`}
                  >
                    {doc.name}
                  </Button>
                </Table.Td>
                <Table.Td className="tabular" ta="right">
                  <Text span size="xs" c="dimmed">
                    {size(doc.bytes)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text span size="xs" c="dimmed">
                    {doc.by} · <span className="tabular">{formatTime(doc.at)}</span>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canAttach && (
        <Group>
          <AttachButton taskId={detail.task.id} />
        </Group>
      )}
      {open && <DocumentViewer taskId={detail.task.id} doc={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
