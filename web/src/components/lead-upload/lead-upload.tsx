import { FileInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../query-state';
import { toMapping, type RoledColumn } from './column-roles';
import { ImportPreviewPanel } from './import-preview-panel';
import { ImportReport } from './import-report';
import { useImportJob, useStartImport } from './use-import-job';
import { useImportPreview, type PickedFile } from './use-import-preview';

/**
 * Imports a CSV file into a campaign: pick the file, check how its columns are read on its first rows (and
 * change a column's role), import it, and follow the job to its report.
 */
export function LeadUpload({ campaignId }: { readonly campaignId: string }) {
  const [picked, setPicked] = useState<PickedFile | null>(null);
  // Null: the roles the API finds from the file's headers; set once the user changes one.
  const [roles, setRoles] = useState<readonly RoledColumn[] | null>(null);
  const preview = useImportPreview(campaignId, picked, roles === null ? null : toMapping(roles));
  const start = useStartImport(campaignId);
  const job = useImportJob(campaignId, start.data?.id ?? null);
  const shownJob = job.data ?? start.data;
  const importing = start.isPending || shownJob?.status === 'running';

  const pick = (file: File | null) => {
    setPicked(file === null ? null : { file, version: (picked?.version ?? 0) + 1 });
    setRoles(null);
    start.reset();
  };

  return (
    <Stack gap="md">
      <FileInput
        label="Lead file"
        description="CSV: a header row, then one lead per row"
        placeholder="Choose a .csv file"
        accept=".csv,text/csv"
        value={picked?.file ?? null}
        onChange={pick}
        clearable
        clearButtonProps={{ 'aria-label': 'Remove the file' }}
        disabled={importing}
        maw={520}
      />
      {picked !== null && shownJob === undefined && (
        <ImportPreviewPanel
          fileName={picked.file.name}
          preview={preview}
          chosen={roles}
          onRolesChange={setRoles}
          onImport={(mapping) => start.mutate({ file: picked.file, mapping })}
          importing={start.isPending}
        />
      )}
      {start.isError && <ErrorAlert error={start.error} title="The file was not imported" />}
      {shownJob !== undefined && <ImportReport job={shownJob} />}
    </Stack>
  );
}
