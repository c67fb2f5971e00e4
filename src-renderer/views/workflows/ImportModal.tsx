import { useRef, useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconCircleCheck, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { contract } from '@shared/contract';
import type { DeployResult } from '@shared/contract/engine';
import type { Problem } from '@shared/domain/problems';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ProblemList } from './ProblemList';
import { SourceView } from './SourceView';

const ACCEPT = '.yaml,.yml,.json,.dmn';
const SourceFile = contract['workflows.validate'].input;

interface Source {
  file: string;
  text: string;
}

/** What the last validation said about exactly this source. */
interface Checked {
  source: Source;
  result: DeployResult;
}

const OUTCOME_TITLE: Record<string, string> = {
  deployed: 'Deployed',
  unchanged: 'Unchanged — identical to a deployed version',
  'pending-approval': 'Valid — waiting for a second admin’s approval',
};

/** The change a deployment waits on when the site requires four eyes for deployments (null otherwise). */
function pendingChange(result: DeployResult): string | null {
  const changeId = (result as { changeId?: unknown }).changeId;
  return (result.outcome as string) === 'pending-approval' && typeof changeId === 'string' ? changeId : null;
}

function errorsOf(result: DeployResult): number {
  return result.problems.filter((p) => p.severity === 'error').length;
}

/**
 * Import › validate › deploy. A file (or pasted text) is validated by the core as soon as it
 * is chosen; its problems are listed as file:line:column and shown in the source. Deploy is
 * offered only for the exact text that validated; the outcome says which version it became.
 */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [picked, setPicked] = useState<File | null>(null);
  const [pasted, setPasted] = useState<Source>({ file: 'workflow.yaml', text: '' });
  const [source, setSource] = useState<Source | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [deployed, setDeployed] = useState<DeployResult | null>(null);
  const [active, setActive] = useState<Problem | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  /** Clears the native file input, so choosing the same (corrected) file again is seen as a change. */
  const resetPicker = useRef<() => void>(null);
  const validate = useOpMutation('workflows.validate');
  const deploy = useOpMutation('workflows.deploy', { invalidates: ['workflows.list', 'workflows.get'] });

  const reset = () => {
    setPicked(null);
    setSource(null);
    setChecked(null);
    setDeployed(null);
    setActive(null);
    setInputError(null);
  };
  const close = () => {
    reset();
    setPasted({ file: 'workflow.yaml', text: '' });
    onClose();
  };

  const check = async (next: Source) => {
    setSource(next);
    setChecked(null);
    setDeployed(null);
    setActive(null);
    const parsed = SourceFile.safeParse(next);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setInputError(issue ? `${issue.path.join('.') === 'text' ? 'The file' : 'The file name'} ${issue.message}.` : 'This file cannot be imported.');
      return;
    }
    setInputError(null);
    try {
      const result = await validate.mutateAsync(next);
      setChecked({ source: next, result });
      setActive(result.problems[0] ?? null);
    } catch (error) {
      notifyError(error as ApiError, 'Validation failed');
    }
  };

  const choose = async (file: File | null) => {
    setPicked(file);
    if (!file) return reset();
    const text = await file.text();
    resetPicker.current?.();
    await check({ file: file.name, text });
  };

  const doDeploy = async () => {
    if (!checked) return;
    try {
      const result = await deploy.mutateAsync(checked.source);
      if (result.outcome === 'invalid') {
        // Something it depends on changed since validation (a table, a connector).
        setChecked({ source: checked.source, result });
        setActive(result.problems[0] ?? null);
        return;
      }
      setDeployed(result);
      const what = result.deployed.map((d) => `${d.key} v${d.version}`).join(', ');
      const outcome: string = result.outcome;
      notifySuccess(
        outcome === 'deployed'
          ? `Deployed ${what}.`
          : outcome === 'unchanged'
            ? `Unchanged: ${what} is identical.`
            : `${checked.source.file} waits for a second admin's approval.`,
      );
    } catch (error) {
      notifyError(error as ApiError, 'Deploy failed');
    }
  };

  const current = mode === 'paste' ? pasted : source;
  const stale = checked !== null && current !== null && (checked.source.text !== current.text || checked.source.file !== current.file);
  const valid = checked !== null && !stale && checked.result.outcome !== 'invalid';
  const problems = checked?.result.problems ?? [];
  // A version waiting for approval does not exist yet: nothing to open.
  const workflow = deployed && !pendingChange(deployed) ? deployed.deployed.find((d) => d.kind === 'workflow') : undefined;

  return (
    <Modal opened={opened} onClose={close} title="Import workflow or decision tables" size="xl">
      <Stack gap="sm">
        {!deployed && (
          <>
            <SegmentedControl
              size="xs"
              value={mode}
              onChange={(value) => {
                setMode(value as 'file' | 'paste');
                reset();
              }}
              data={[
                { value: 'file', label: 'Choose a file' },
                { value: 'paste', label: 'Paste text' },
              ]}
              w={260}
            />
            {mode === 'file' ? (
              <FileInput
                label="File"
                description="A workflow in YAML or JSON, or decision tables in YAML, JSON or DMN."
                placeholder="Choose .yaml, .yml, .json or .dmn"
                accept={ACCEPT}
                value={picked}
                onChange={(file) => void choose(file)}
                resetRef={resetPicker}
                leftSection={<IconFileImport size={16} />}
                clearable
                error={inputError}
              />
            ) : (
              <Stack gap="xs">
                <TextInput
                  label="File name"
                  description="Its extension says how to read the text (.yaml, .json or .dmn); problems name this file."
                  value={pasted.file}
                  onChange={(e) => setPasted({ ...pasted, file: e.currentTarget.value })}
                  w={320}
                />
                <Textarea
                  label="Text"
                  autosize
                  minRows={8}
                  maxRows={18}
                  spellCheck={false}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
                  value={pasted.text}
                  onChange={(e) => setPasted({ ...pasted, text: e.currentTarget.value })}
                  error={inputError}
                />
                <Group>
                  <Button variant="default" onClick={() => void check(pasted)} loading={validate.isPending} disabled={pasted.text.trim() === ''}>
                    Validate
                  </Button>
                </Group>
              </Stack>
            )}
          </>
        )}

        {validate.isPending && (
          <Text size="sm" c="dimmed">
            Validating…
          </Text>
        )}

        {checked && !deployed && (
          <>
            {checked.result.outcome === 'invalid' ? (
              <Alert color="red" variant="light" title={`${errorsOf(checked.result)} problem${errorsOf(checked.result) === 1 ? '' : 's'} to fix`} role="alert">
                <Text size="sm">
                  Nothing was deployed. {mode === 'file' ? 'Correct the file and choose it again.' : 'Correct the text and validate it again.'}
                </Text>
              </Alert>
            ) : (
              <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={`${checked.source.file} is valid`} role="status">
                <Text size="sm">
                  {problems.length > 0 ? `${problems.length} warning${problems.length === 1 ? '' : 's'} below. ` : ''}Deploying stores it as a new immutable
                  version; running instances stay on theirs.
                </Text>
              </Alert>
            )}
            {problems.length > 0 && <ProblemList problems={problems} active={active} onPick={setActive} />}
            <SourceView
              text={checked.source.text}
              problems={problems}
              highlight={active?.line ?? null}
              maxHeight={300}
              label={`Source of ${checked.source.file}`}
            />
          </>
        )}

        {deployed && (
          <Alert
            color={deployed.outcome === 'deployed' ? 'teal' : 'blue'}
            variant="light"
            icon={deployed.outcome === 'deployed' ? <IconCircleCheck size={18} /> : <IconInfoCircle size={18} />}
            title={OUTCOME_TITLE[deployed.outcome as string] ?? deployed.outcome}
            role="status"
          >
            <Stack gap={4}>
              {pendingChange(deployed) && (
                <Text size="sm">
                  A second admin approves it under Admin › Pending changes (change <span className="mono">{pendingChange(deployed)}</span>); until then nothing
                  new runs.
                </Text>
              )}
              {deployed.deployed.map((d) => (
                <Group key={`${d.kind}:${d.key}`} gap="xs">
                  <Text size="sm" fw={600}>
                    {d.key}
                  </Text>
                  <Badge variant="light" size="sm">
                    v{d.version}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {d.kind === 'workflow' ? 'workflow' : 'decision table'} · <span className="mono">{d.contentHash.slice(0, 12)}</span>
                  </Text>
                </Group>
              ))}
            </Stack>
          </Alert>
        )}

        <Group justify="flex-end" gap="xs">
          {deployed ? (
            <>
              <Button variant="default" onClick={reset}>
                Import another
              </Button>
              {workflow && (
                <Button
                  onClick={() => {
                    close();
                    void navigate(`/workflows/${encodeURIComponent(workflow.key)}?version=${workflow.version}`);
                  }}
                >
                  Open {workflow.key} v{workflow.version}
                </Button>
              )}
              {!workflow && <Button onClick={close}>Done</Button>}
            </>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button onClick={() => void doDeploy()} disabled={!valid} loading={deploy.isPending}>
                Deploy
              </Button>
            </>
          )}
        </Group>
        {stale && (
          <Text size="xs" c="dimmed" ta="right">
            The text changed since it was validated: validate it again.
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
