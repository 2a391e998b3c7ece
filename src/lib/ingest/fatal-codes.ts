/**
 * The stable codes of the problems that stop a run (IngestFatalError,
 * ConfigError). The message is written in English where the problem is
 * found; the code says which message it is, so that the command line can say
 * it in the user's language (i18n/fatal-text.ts), as the data-quality issues
 * are said by their codes.
 */
export const FATAL_CODES = [
  // The data folder and its files.
  'data_folder_unreadable',
  'missing_file',
  'file_unreadable',
  'not_a_file',
  'file_changed',
  'names_differ_by_case',
  'not_text_csv',
  'header_unreadable',
  'missing_columns',
  'empty_file',
  // pipeline.config.json (or --config's file).
  'config_file_unreadable',
  'config_utf16',
  'config_empty',
  'config_not_json',
  'config_duplicate_key',
  'config_not_object',
  'config_proto_key',
  'config_invalid',
  'redaction_salt_missing',
  // CRM exports (ingest/vendor).
  'unknown_format',
  'no_export',
  'mixed_exports',
  'export_lacks_columns',
  'export_columns_differ',
  'opportunity_file_missing',
  'undated_exports',
  'exports_same_date',
  'unmatched_stages',
  'pipeline_needed',
  'pipeline_not_applicable',
  'pipeline_column_missing',
  'pipeline_column_needed',
  'pipeline_not_found',
] as const;

export type FatalCode = (typeof FATAL_CODES)[number];

export function isFatalCode(value: unknown): value is FatalCode {
  return typeof value === 'string' && (FATAL_CODES as readonly string[]).includes(value);
}
