import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ApiError } from '../../api/api-error';
import { useOp, useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { useCan } from '../../session/session-context';
import { formatTime } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { ColleagueSelect } from './ColleagueSelect';
import { DelegationForm, initialDelegation, type DelegationFormValues } from './delegation-form';
import { isoFromLocalInput, localInputFromIso } from '../../ui/local-time';
import { QueryError } from '../../ui/QueryError';

const FIELDS = ['delegateUserId', 'from', 'to'];

/**
 * Out of office: for a period, a colleague acts on the tasks assigned or named to the
 * signed-in person. The dialog shows the delegation in force (or planned) and opens on it;
 * setting one replaces it, "End delegation" ends it now. It also says whose work the person
 * stands in for.
 */
export function OutOfOfficeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const canPick = useCan()('user.read');
  const delegate = useOpMutation('delegations.set', { invalidates: ['tasks.list', 'delegations.get'] });
  const current = useOp('delegations.get', {}, { enabled: opened });
  const mine = current.data?.mine ?? null;
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [colleague, setColleague] = useState<string | null>(null);
  const form = useForm<DelegationFormValues>({ initialValues: initialDelegation(Date.now()), validate: contractResolver(DelegationForm) });
  // Opened on the delegation in force, so that changing its end or its colleague starts from it.
  const { setValues } = form;
  useEffect(() => {
    if (!opened || !mine) return;
    setValues({ delegateUserId: mine.delegate.userId, from: localInputFromIso(mine.from), to: localInputFromIso(mine.to) });
    setColleague(`${mine.delegate.displayName} (${mine.delegate.username})`);
  }, [opened, mine, setValues]);

  const close = () => {
    form.setValues(initialDelegation(Date.now()));
    form.clearErrors();
    setRefusal(null);
    setColleague(null);
    onClose();
  };
  const call = async (input: { delegateUserId: string | null; from: string; to: string }, done: string) => {
    setRefusal(null);
    try {
      await delegate.mutateAsync(input);
      notifySuccess(done);
      close();
    } catch (error) {
      showApiError(form, FIELDS, error as ApiError, setRefusal);
    }
  };
  // onSubmit runs only on values DelegationForm accepted, so both times are datetime-local values.
  const submit = form.onSubmit((values) =>
    call(
      { delegateUserId: values.delegateUserId, from: isoFromLocalInput(values.from) as string, to: isoFromLocalInput(values.to) as string },
      `Until ${formatTime(isoFromLocalInput(values.to) as string)}, ${colleague ?? 'your colleague'} can act on the tasks assigned or named to you.`,
    ),
  );
  const end = () => {
    const now = Date.now();
    // The contract wants a period even to end one; a second from now is that.
    void call(
      { delegateUserId: null, from: new Date(now).toISOString(), to: new Date(now + 1000).toISOString() },
      'Delegation ended: your tasks are yours alone again.',
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Out of office" size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            While you are away, a colleague can act on your tasks. Everything they do is recorded under their name, and segregation of duties still applies to
            them. Setting a delegation replaces the one you had.
          </Text>
          {current.error && <QueryError error={current.error} onRetry={() => void current.refetch()} />}
          {mine && (
            <Alert color="blue" variant="light" title={Date.parse(mine.from) > Date.now() ? 'Delegation planned' : 'Delegation in force'}>
              <Text size="sm">
                {mine.delegate.displayName} ({mine.delegate.username}) can act on your tasks{' '}
                {Date.parse(mine.from) > Date.now() ? `from ${formatTime(mine.from)} ` : ''}until {formatTime(mine.to)}.
              </Text>
            </Alert>
          )}
          {(current.data?.standingInFor.length ?? 0) > 0 && (
            <Alert color="gray" variant="light" title="You stand in for">
              {current.data?.standingInFor.map((s) => (
                <Text size="sm" key={s.person.userId}>
                  {s.person.displayName} ({s.person.username}) until {formatTime(s.to)}
                </Text>
              ))}
            </Alert>
          )}
          <ColleagueSelect
            value={form.values.delegateUserId}
            error={form.errors.delegateUserId}
            onChange={(value, name) => {
              form.setFieldValue('delegateUserId', value);
              setColleague(name);
            }}
          />
          <Group grow align="flex-start">
            <TextInput type="datetime-local" label="From" required {...form.getInputProps('from')} />
            <TextInput type="datetime-local" label="Until" required {...form.getInputProps('to')} />
          </Group>
          {refusal && <RefusalAlert error={refusal} title="The delegation was not set" />}
          <Group justify="space-between" gap="xs" mt="xs">
            {mine ? (
              <Button variant="subtle" color="red" onClick={end} loading={delegate.isPending && delegate.variables?.delegateUserId === null}>
                End delegation
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={!canPick} loading={delegate.isPending && delegate.variables?.delegateUserId !== null}>
                Delegate my work
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
