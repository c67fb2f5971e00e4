import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconArrowBackUp, IconHandGrab, IconUserShare } from '@tabler/icons-react';
import type { TaskDetail } from '@shared/contract/work';
import { notifications } from '@mantine/notifications';
import { notifySuccess } from '../../ui/notify';
import { ReassignModal } from './ReassignModal';
import { useClaimRelease } from './use-claim-release';

/** Claim, release and reassign, each shown only when the core says the person may. */
export function TaskActions({ detail }: { detail: TaskDetail }) {
  const { run, pending } = useClaimRelease();
  const [reassigning, setReassigning] = useState(false);
  const act = async (action: 'claim' | 'release') => {
    const outcome = await run(action, [detail.task.id]);
    const refusal = outcome?.refused[0];
    if (refusal) notifications.show({ color: 'red', title: `Could not ${action} the task`, message: refusal.reason, autoClose: 8_000 });
    else if (outcome) notifySuccess(action === 'claim' ? 'Claimed: the task is yours to complete.' : 'Released: the task is back in the queue.');
  };
  return (
    <>
      {detail.can.claim && (
        <Button leftSection={<IconHandGrab size={16} />} loading={pending} onClick={() => void act('claim')}>
          Claim
        </Button>
      )}
      {detail.can.release && (
        <Button variant="default" leftSection={<IconArrowBackUp size={16} />} loading={pending} onClick={() => void act('release')}>
          Release
        </Button>
      )}
      {detail.can.reassign && (
        <Button variant="default" leftSection={<IconUserShare size={16} />} onClick={() => setReassigning(true)}>
          Reassign
        </Button>
      )}
      {reassigning && <ReassignModal task={detail.task} onClose={() => setReassigning(false)} />}
    </>
  );
}
