import type { ReactNode } from 'react';
import { Alert, Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle, IconAlertTriangle } from '@tabler/icons-react';
import { Brand } from '../../ui/Brand';
import type { Notice } from '../gate';

const NOTICE_STYLE = {
  info: { color: 'blue', icon: <IconInfoCircle size={18} /> },
  success: { color: 'teal', icon: <IconCircleCheck size={18} /> },
  warning: { color: 'orange', icon: <IconAlertTriangle size={18} /> },
} as const;

/** The frame of every screen shown before the console: sign-in, first run, lock, passphrase. */
export function AuthCard({
  siteName,
  title,
  intro,
  notice,
  children,
}: {
  siteName?: string;
  title: string;
  intro?: ReactNode;
  notice?: Notice | null;
  children: ReactNode;
}) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Box w="100%" maw={420}>
        <Box mb="md" px={4}>
          <Brand {...(siteName ? { siteName } : {})} />
        </Box>
        <Paper withBorder shadow="sm" p="lg" component="main">
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {title}
              </Title>
              {intro && (
                <Text size="sm" c="dimmed" mt={4}>
                  {intro}
                </Text>
              )}
            </div>
            {notice && (
              <Alert variant="light" color={NOTICE_STYLE[notice.tone].color} icon={NOTICE_STYLE[notice.tone].icon} role="status">
                {notice.text}
              </Alert>
            )}
            {children}
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}

/** A refusal shown inside an auth form (wrong password, locked account), read out at once. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
      {message}
    </Alert>
  );
}
