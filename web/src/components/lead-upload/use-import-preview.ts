import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';
import type { ColumnMapping } from './column-roles';

/** The start of the file the preview reads: enough for its header and first rows, whatever the file's size. */
const PREVIEW_BYTES = 64 * 1024;

/** The rows shown: enough to see how the columns are read without scrolling past the import button. */
const PREVIEW_ROWS = 10;

/** A file the user picked; `version` tells two picks of the same file apart (it may have changed on disk). */
export interface PickedFile {
  readonly file: File;
  readonly version: number;
}

/**
 * How the import will read the file with `mapping` (null: as its headers suggest), from its first 64 KiB. The
 * bytes go as they are, so the server detects the encoding and delimiter exactly as the import will.
 */
export function useImportPreview(
  campaignId: string,
  picked: PickedFile | null,
  mapping: ColumnMapping | null,
) {
  const api = useApi();
  return useQuery({
    queryKey: ['import-preview', campaignId, picked?.version, mapping],
    queryFn: () =>
      unwrap(
        api.POST('/v1/campaigns/{id}/imports/preview', {
          params: {
            path: { id: campaignId },
            query: {
              rows: PREVIEW_ROWS,
              // A whole file's last row is whole, with or without a line break after it.
              wholeFile: picked!.file.size <= PREVIEW_BYTES,
              ...(mapping === null ? {} : { mapping: JSON.stringify(mapping) }),
            },
          },
          // The schema types a CSV body as text; a Blob is sent as its bytes.
          body: picked!.file.slice(0, PREVIEW_BYTES) as unknown as string,
          bodySerializer: (body) => body,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
    enabled: picked !== null,
    // The table stays on screen while the file is read again with changed roles (not for another file).
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === picked?.version ? previous : undefined,
    // A preview of one file with one mapping never changes.
    staleTime: Infinity,
  });
}
