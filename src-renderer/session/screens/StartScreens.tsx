import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { AuthCard, FormAlert } from './AuthCard';

/** While `setup.status` answers (a few milliseconds on loopback). */
export function StartingScreen() {
  return (
    <Center mih="100vh">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-label="Opening the console" />
        <Text size="sm" c="dimmed">
          Opening the console…
        </Text>
      </Stack>
    </Center>
  );
}

/** The host did not answer at all: say so plainly and let the user try again. */
export function UnreachableScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <AuthCard title="Cannot open the console">
      <FormAlert message={message} />
      <Button onClick={onRetry}>Try again</Button>
    </AuthCard>
  );
}
