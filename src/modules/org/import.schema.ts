/** Bulk import of representatives, stations, units and grids from XLSX or CSV files. */
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { IMPORT_KINDS, IMPORT_MODES } from './import.domain.ts';
import { BilingualText } from './org.schema.ts';

export const ImportKindParams = Type.Object(
  { kind: StringEnum(IMPORT_KINDS, { title: '导入类型' }) },
  { additionalProperties: false },
);
export type ImportKindParams = Static<typeof ImportKindParams>;

export const ImportQuery = Type.Object(
  {
    /** dry-run (default) checks the file and writes nothing; commit imports it all or nothing. */
    mode: Type.Optional(
      StringEnum(IMPORT_MODES, {
        title: '导入方式',
        default: 'dry-run',
        description: 'dry-run: check only (default); commit: import all rows or none',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

export const TemplateQuery = Type.Object(
  { format: Type.Optional(StringEnum(['xlsx', 'csv'] as const, { title: '格式', default: 'xlsx' })) },
  { additionalProperties: false },
);
export type TemplateQuery = Static<typeof TemplateQuery>;

export const ImportErrorView = Type.Object({
  /** The row number the spreadsheet shows (header = row 1 in the template). */
  row: Type.Integer({ description: 'Row number as the spreadsheet shows it; the header is row 1' }),
  /** The column's Chinese header. */
  column: Type.String({ description: 'The Chinese column header' }),
  value: Nullable(Type.String()),
  message: BilingualText,
});

export const ImportReport = Type.Object({
  kind: StringEnum(IMPORT_KINDS),
  mode: StringEnum(IMPORT_MODES),
  fileName: Type.String(),
  /** Data rows (blank rows are not counted). */
  totalRows: Type.Integer(),
  /** Rows without any problem. */
  validRows: Type.Integer(),
  /** Every problem found; `errors` lists the first 1000. */
  errorCount: Type.Integer(),
  errors: Type.Array(ImportErrorView),
  truncated: Type.Boolean(),
  /** Records created (0 unless committed). */
  created: Type.Integer(),
  committed: Type.Boolean(),
});
export type ImportReport = Static<typeof ImportReport>;
