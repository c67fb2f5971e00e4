import { useState } from 'react';
import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { TimelineEntry } from '@shared/contract/evidence';
import { formatTime } from '../../ui/format';
import { JsonTree } from '../../ui/JsonTree';
import { describeActor } from '@shared/domain/audit';
import { eventPath } from './paths';
import { standsOut } from './timeline-kinds';

/** What marks a refusal or an override, in words. */
function controlLabel(entry: TimelineEntry): string {
  return entry.event.outcome === 'refused' ? 'Refused' : 'Override';
}

/**
 * One step of the decision chain: when, who, what in one line, the step it concerns; the
 * event's payload on demand (open from the start for the originating input).
 */
export function ChainEntry({ entry, initiallyOpen = false }: { entry: TimelineEntry; initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const { event } = entry;
  const marked = standsOut(entry);
  return (
    <li className="cl-chain__entry" data-kind={entry.kind} data-action={event.action} data-outcome={event.outcome} data-stands-out={marked}>
      <span className="cl-chain__time" title={event.at}>
        {formatTime(event.at)}
      </span>
      <span className="cl-chain__actor" title={describeActor(event.actor)}>
        {describeActor(event.actor)}
      </span>
      <div>
        <Group gap={6} wrap="nowrap" align="flex-start">
          {marked && (
            <Badge color="red" variant="filled" size="sm" style={{ flexShrink: 0 }}>
              {controlLabel(entry)}
            </Badge>
          )}
          <Text size="sm" lh={1.4} fw={marked ? 600 : 400}>
            {entry.summary}
          </Text>
        </Group>
        <Group gap="sm" mt={1}>
          {entry.step && (
            <Text size="xs" c="dimmed">
              Step <span className="mono">{entry.step}</span>
            </Text>
          )}
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={open ? <IconChevronDown size={12} /> : <IconChevronRight size={12} />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} the payload of event #${event.seq}`}
          >
            Payload
          </Button>
          <Anchor component={Link} to={eventPath(event.seq)} size="xs">
            Event #{event.seq}
          </Anchor>
        </Group>
        {open && (
          <div style={{ marginTop: 2 }}>
            <JsonTree value={event.payload} open={2} />
          </div>
        )}
      </div>
    </li>
  );
}
