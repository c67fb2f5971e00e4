import { Autocomplete, Button, Fieldset, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ConflictRule } from '@shared/contract/work';
import { useOp } from '../../../api/hooks';
import { contractResolver } from '../../../forms/resolver';
import { useCan } from '../../../session/session-context';
import { EMPTY_RULE } from './matrix-draft';

/**
 * The contract's schema decides what is wrong with a rule; these say how to put it right,
 * instead of the schema's generic wording ("Invalid string: must match pattern …").
 */
const HOW_TO_FIX: Record<string, string> = {
  id: 'Use 2–64 lower-case letters, digits and -, starting with a letter',
  description: 'Describe the conflict in at least 5 characters',
  'approval.workflow': 'Name a workflow, or * for any workflow',
  'approval.key': 'Give the FEEL expression of the entity the approval is about',
  'maker.workflow': 'Name the workflow in which the entity’s data is entered or changed',
  'maker.key': 'Give the path of the same entity in that workflow’s variables',
  'maker.fields': 'Name at least one field; press Enter after each',
};

function validator(takenIds: readonly string[]) {
  const resolve = contractResolver(ConflictRule);
  return (values: ConflictRule) => {
    // An item of a list (maker.fields.0) reports on the list's input.
    const paths = Object.keys(resolve(values)).map((path) => path.replace(/\.\d+$/, ''));
    const errors = Object.fromEntries(paths.map((path) => [path, HOW_TO_FIX[path] ?? 'Is not valid']));
    if (!errors.id && takenIds.includes(values.id)) errors.id = 'Another rule already has this id';
    return errors;
  };
}

/**
 * Adds or edits one rule of the conflict matrix, in the draft only: nothing reaches the core
 * until the whole matrix is submitted.
 */
export function ConflictRuleModal({
  rule,
  takenIds,
  onSave,
  onClose,
}: {
  /** null to add a rule. */
  rule: ConflictRule | null;
  /** Ids of the draft's other rules. */
  takenIds: readonly string[];
  onSave: (rule: ConflictRule) => void;
  onClose: () => void;
}) {
  const can = useCan();
  const workflows = useOp('workflows.list', {}, { enabled: can('workflow.read') });
  const keys = (workflows.data?.items ?? []).map((w) => w.key);
  const form = useForm<ConflictRule>({ initialValues: rule ?? EMPTY_RULE, validate: validator(takenIds) });
  const submit = form.onSubmit((values) => {
    onSave(ConflictRule.parse(values));
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title={rule ? `Edit rule ${rule.id}` : 'Add conflict rule'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Rule id"
            description="Lower-case letters, digits and -, e.g. vendor-bank-account"
            spellCheck={false}
            required
            data-autofocus
            {...form.getInputProps('id')}
          />
          <Textarea
            label="Description"
            description="Shown to the person refused, e.g. “Whoever changed a vendor’s bank account may not approve payments to that vendor”"
            required
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Fieldset legend="Approval side: the decision that is refused">
            <Stack gap="xs">
              <Autocomplete
                label="Workflow"
                description="Approvals in instances of this workflow; * for any workflow"
                data={['*', ...keys]}
                spellCheck={false}
                required
                {...form.getInputProps('approval.workflow')}
              />
              <TextInput
                label="Entity (FEEL)"
                description="Evaluated on the approval’s variables, e.g. payment.vendorId"
                ff="monospace"
                spellCheck={false}
                required
                {...form.getInputProps('approval.key')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend="Maker side: who counts as having made the entity’s data">
            <Stack gap="xs">
              <Autocomplete
                label="Workflow"
                description="Instances of this workflow enter or change the entity, e.g. vendor-maintenance"
                data={keys}
                spellCheck={false}
                required
                {...form.getInputProps('maker.workflow')}
              />
              <TextInput
                label="Entity path"
                description="Where those instances hold the same entity’s id, e.g. vendor.id"
                ff="monospace"
                spellCheck={false}
                required
                {...form.getInputProps('maker.key')}
              />
              <TagsInput
                label="Fields"
                description="Whoever set one of these variables is a maker, e.g. vendor.bankAccount; press Enter after each"
                spellCheck={false}
                required
                {...form.getInputProps('maker.fields')}
              />
            </Stack>
          </Fieldset>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">{rule ? 'Keep edits' : 'Add to draft'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
