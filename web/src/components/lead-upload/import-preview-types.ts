import type { ResponseOf } from '../../api/types';

/** How an import would read a file, from its first bytes: `POST /v1/campaigns/{id}/imports/preview`. */
export type ImportPreview = ResponseOf<'/v1/campaigns/{id}/imports/preview', 'post'>;

export type PreviewRow = ImportPreview['rows'][number];
