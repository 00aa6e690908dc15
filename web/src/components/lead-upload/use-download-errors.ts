import { useMutation } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useApi } from '../../api/session';

/**
 * Saves an import's error file. A plain link cannot send the Authorization header, so the file is fetched with
 * it and handed to the browser as a download of the blob.
 */
export function useDownloadErrors(jobId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async () => {
      const blob = await unwrap(
        api.GET('/v1/imports/{id}/errors.csv', { params: { path: { id: jobId } }, parseAs: 'blob' }),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${jobId}-errors.csv`;
      link.click();
      URL.revokeObjectURL(url);
    },
  });
}
