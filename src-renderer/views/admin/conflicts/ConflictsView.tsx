import { useState } from 'react';
import { Alert, Anchor, Button, Loader, Text } from '@mantine/core';
import { IconHourglass, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { OpOutput } from '@shared/contract';
import type { ConflictRule } from '@shared/contract/work';
import type { ApiError } from '../../../api/api-error';
import { useOp, useOpMutation } from '../../../api/hooks';
import { useCan } from '../../../session/session-context';
import { formatTime } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { RefusalAlert } from '../../../ui/RefusalAlert';
import { ViewHeader } from '../../../ui/ViewHeader';
import { useChanges } from '../changes/use-changes';
import { ConflictRuleModal } from './ConflictRuleModal';
import { ConflictRulesTable } from './ConflictRulesTable';
import { MatrixDraftBar } from './MatrixDraftBar';
import { removeRule, sameMatrix, upsertRule } from './matrix-draft';
import { SubmittedNotice } from './SubmittedNotice';

type Editing = { rule: ConflictRule | null } | null;

/**
 * Admin › Conflict matrix: pairs of duties one person must not hold for the same entity. Edits
 * collect in a draft; submitting replaces the whole matrix, under four-eyes control.
 */
export function ConflictsView() {
  const can = useCan();
  const editable = can('config.approve');
  const matrix = useOp('conflicts.get', {});
  const waiting = (useChanges('pending').data?.items ?? []).filter((c) => c.kind === 'conflicts');
  const submit = useOpMutation('conflicts.set', { invalidates: ['conflicts.get', 'changes.list'] });
  const [draft, setDraft] = useState<ConflictRule[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [outcome, setOutcome] = useState<{ result: OpOutput<'conflicts.set'>; rules: number } | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);

  const inForce = matrix.data?.rules ?? [];
  const rules = draft ?? inForce;
  const dirty = draft !== null && !sameMatrix(draft, inForce);
  const edit = (next: ConflictRule[]) => {
    setOutcome(null);
    setDraft(next);
  };
  const send = async () => {
    setRefusal(null);
    try {
      const result = await submit.mutateAsync({ rules });
      setOutcome({ result, rules: rules.length });
      setDraft(null);
    } catch (error) {
      setRefusal(error as ApiError);
    }
  };

  return (
    <>
      <ViewHeader
        title="Conflict matrix"
        subtitle={matrix.data ? `${inForce.length} rule${inForce.length === 1 ? '' : 's'} in force · checked on every approval decision` : undefined}
        actions={
          editable && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ rule: null })} disabled={!matrix.data}>
              Add rule
            </Button>
          )
        }
      />
      {!outcome &&
        waiting.map((change) => (
          <Alert key={change.id} role="status" color="yellow" variant="light" icon={<IconHourglass size={18} />} mb="md" title="A new matrix awaits approval">
            <Text size="sm">
              {change.summary}, requested by {change.requestedBy} on {formatTime(change.requestedAt)}: another admin decides it in{' '}
              <Anchor component={Link} to="/admin/changes" size="sm">
                Pending changes
              </Anchor>
              . Submitting another matrix replaces that request.
            </Text>
          </Alert>
        ))}
      {outcome && <SubmittedNotice result={outcome.result} rules={outcome.rules} />}
      {dirty && (
        <MatrixDraftBar
          draft={rules.length}
          current={inForce.length}
          submitting={submit.isPending}
          onDiscard={() => setDraft(null)}
          onSubmit={() => void send()}
        />
      )}
      {refusal && <RefusalAlert error={refusal} title="The matrix was not submitted" />}
      {matrix.isPending && <Loader size="sm" aria-label="Loading the conflict matrix" />}
      {matrix.error && <QueryError error={matrix.error} onRetry={() => void matrix.refetch()} />}
      {matrix.data && rules.length === 0 && (
        <Text size="sm" c="dimmed">
          No conflict rule{dirty ? ' in the draft' : ''}.{' '}
          {editable
            ? 'Add one to stop, for example, whoever changed a vendor’s bank account from approving payments to that vendor.'
            : 'An admin adds rules here; the built-in segregation of duties (initiator, data editor, one level per person) applies regardless.'}
        </Text>
      )}
      {rules.length > 0 && (
        <ConflictRulesTable
          rules={rules}
          {...(editable ? { onEdit: (rule: ConflictRule) => setEditing({ rule }), onRemove: (rule: ConflictRule) => edit(removeRule(rules, rule.id)) } : {})}
        />
      )}
      {editing && (
        <ConflictRuleModal
          rule={editing.rule}
          takenIds={rules.map((r) => r.id).filter((id) => id !== editing.rule?.id)}
          onSave={(rule) => edit(upsertRule(rules, rule, editing.rule?.id ?? null))}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
