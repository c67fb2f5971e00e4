import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../api/api-error';

interface State {
  error: Error | null;
}

/**
 * Catches a view that failed to render, so one broken view never blanks the console. Says
 * what happened in plain words, gives the error id the operator log names when the core
 * issued one, and offers a reload.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The browser console is the only log a page has; the core logs its own side.
    console.error('Clearline view failed', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const errorId = error instanceof ApiError ? error.errorId : undefined;
    return (
      <Stack p="md" maw={640}>
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Something went wrong on this page" role="alert">
          <Text size="sm">
            The console could not show this page. Your work saved before this point is safe. Reloading usually helps; if it does not, tell your administrator.
          </Text>
          {errorId && (
            <Text size="xs" mt="xs">
              Error id: <span className="mono">{errorId}</span>
            </Text>
          )}
          <Text size="xs" c="dimmed" mt="xs">
            {error.message}
          </Text>
          <Group mt="sm">
            <Button size="xs" onClick={() => window.location.reload()}>
              Reload
            </Button>
          </Group>
        </Alert>
      </Stack>
    );
  }
}
