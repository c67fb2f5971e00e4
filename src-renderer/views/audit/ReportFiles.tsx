import { Table } from '@mantine/core';
import type { ReportJob } from '@shared/contract/evidence';

/** A report's files with their SHA-256, as the signed manifest lists them: what `sha256sum -c` compares. */
export function ReportFiles({ files }: { files: ReportJob['files'] }) {
  return (
    <Table withTableBorder verticalSpacing={3} aria-label="Report files" style={{ tableLayout: 'fixed' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>File</Table.Th>
          <Table.Th w={110} style={{ textAlign: 'right' }}>
            Bytes
          </Table.Th>
          <Table.Th>SHA-256</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {files.map((f) => (
          <Table.Tr key={f.name}>
            <Table.Td className="mono">{f.name}</Table.Td>
            <Table.Td className="tabular" style={{ textAlign: 'right' }}>
              {f.bytes.toLocaleString('en-US')}
            </Table.Td>
            <Table.Td className="mono">{f.sha256}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
