import { Alert, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { ImportJob } from '../../api/types';
import { ErrorAlert } from '../query-state';
import { useDownloadErrors } from './use-download-errors';

const COUNTS: readonly [keyof ImportJob['counts'], string][] = [
  ['rows', 'Rows read'],
  ['leads', 'Leads created'],
  ['contacts', 'Phone numbers added'],
  ['duplicates', 'Duplicates'],
  ['invalid', 'Invalid values'],
  ['suppressed', 'On the do-not-call list'],
];

/** An import while it runs (a progress bar) and once it has ended (its counts, its problem, its error file). */
export function ImportReport({ job }: { readonly job: ImportJob }) {
  const running = job.status === 'running';
  const percent = job.bytesTotal === 0 ? 100 : Math.round((job.bytesRead / job.bytesTotal) * 100);
  return (
    <Stack gap="sm">
      {running ? (
        <Stack gap={4}>
          <Progress value={percent} aria-label="Import progress" animated />
          <Text size="sm" role="status">
            Importing… {job.counts.rows} rows processed ({percent}%)
          </Text>
        </Stack>
      ) : job.problem === null ? (
        <Alert color="green" title="Import complete" role="status">
          {job.counts.leads} leads created from {job.counts.rows} rows.
        </Alert>
      ) : (
        <Alert color="red" title="The file could not be imported" role="alert">
          {job.problem.message}
        </Alert>
      )}
      <Table aria-label="Import report" withTableBorder maw={420} layout="fixed">
        <Table.Tbody>
          {COUNTS.map(([count, label]) => (
            <Table.Tr key={count}>
              <Table.Th>{label}</Table.Th>
              <Table.Td ta="right">{job.counts[count]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!running && job.rejectedValues > 0 && <ErrorFileButton job={job} />}
    </Stack>
  );
}

function ErrorFileButton({ job }: { readonly job: ImportJob }) {
  const download = useDownloadErrors(job.id);
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="light" onClick={() => download.mutate()} loading={download.isPending}>
          Download the error file
        </Button>
        <Text size="sm" c="dimmed">
          {job.rejectedValues} refused values, each with its row, column and reason
        </Text>
      </Group>
      {download.isError && <ErrorAlert error={download.error} title="Could not download the error file" />}
    </Stack>
  );
}
