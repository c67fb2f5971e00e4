import { Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { REASON_HINT } from './operator-ops';

/** The mandatory reason of every operator action. */
export function ReasonField(props: GetInputPropsReturnType & { label?: string }) {
  const { label = 'Reason', ...input } = props;
  return <Textarea label={label} description={REASON_HINT} required autosize minRows={2} maxRows={6} data-autofocus {...input} />;
}
