import { useState } from 'react';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { HashRouter } from 'react-router';
import { SessionGate } from '../session/SessionGate';
import { SessionProvider } from '../session/SessionProvider';
import { ErrorBoundary } from './ErrorBoundary';
import { createQueryClient } from './query-client';
import { theme } from './theme';

/** The chosen theme is kept per machine; until someone chooses, the OS setting decides. */
const colorSchemeManager = localStorageColorSchemeManager({ key: 'clearline-color-scheme' });

/**
 * The root: theme, notifications, query cache, router and session gate. HashRouter because
 * routes must work both under the desktop app's app:// protocol and under `clearline serve`
 * without either host knowing the console's routes.
 */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <Notifications position="top-right" limit={4} />
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <SessionProvider>
              <SessionGate />
            </SessionProvider>
          </HashRouter>
        </QueryClientProvider>
      </ErrorBoundary>
    </MantineProvider>
  );
}
