import type { ReactNode } from 'react';
import { Group, Paper, Text, Title } from '@mantine/core';
import type { EvidenceSettings } from '@shared/contract/evidence';
import { Fact, Facts } from './Facts';
import { scheduleInWords } from './schedule-words';

/** Where checkpoints are copied outside the database, and how often they are signed. */
export function WitnessScheduleCard({ settings, actions }: { settings: EvidenceSettings; actions?: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-labelledby="witness-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="witness-heading">
          Witness folder and schedule
        </Title>
        {actions}
      </Group>
      <Facts label="Witness folder and schedule">
        <Fact label="Witness folder">
          {settings.witnessFolder ? (
            <span className="mono">{settings.witnessFolder}</span>
          ) : (
            <Text span size="sm" c="orange">
              none set: checkpoints are kept only in the database, and only those handed out in reports protect the past
            </Text>
          )}
        </Fact>
        <Fact label="Checkpoints">{scheduleInWords(settings.schedule)}</Fact>
      </Facts>
    </Paper>
  );
}
