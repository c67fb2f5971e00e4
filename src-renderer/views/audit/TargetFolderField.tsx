import { TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';

/** Where the report folder goes: a path on the machine that runs Clearline, not the viewer's. */
export function TargetFolderField(props: GetInputPropsReturnType) {
  return (
    <TextInput
      label="Target folder"
      placeholder="/srv/clearline/reports/2026-q1"
      description="Optional. An absolute path on the server machine; it must not exist yet, or be empty. Leave empty for a new folder under the site’s reports folder."
      spellCheck={false}
      {...props}
    />
  );
}
