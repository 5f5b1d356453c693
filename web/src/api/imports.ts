/** Bulk import: templates, dry runs and commits. */
import { download, http } from './client.ts';
import type { ImportKind, ImportReport } from './types.ts';

export const downloadImportTemplate = (kind: ImportKind, format: 'xlsx' | 'csv') =>
  download(`/imports/templates/${kind}`, { format }, `${kind}-template.${format}`);
export const runImport = (kind: ImportKind, mode: 'dry-run' | 'commit', file: File) =>
  http.upload<ImportReport>(`/imports/${kind}`, file, { mode });
