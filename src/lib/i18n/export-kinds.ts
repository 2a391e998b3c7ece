/**
 * One file of each format `--format` names, in the words of the English
 * messages (vendor/unread-files.ts `oneOf`: "a HubSpot deals export"), in
 * Korean: for the data-quality messages and the messages that stop a run.
 */
export const FORMAT_KINDS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  'a HubSpot deals export': 'HubSpot 딜 내보내기',
  'a Pipedrive deals export': 'Pipedrive 딜 내보내기',
  'a Salesforce report': 'Salesforce 보고서',
  'a Salesforce Data Loader export': 'Salesforce Data Loader 내보내기',
});

/** The Korean of `one` ("a Pipedrive deals export"), or null for words not known here (the message then stays as written). */
export function exportKindKo(one: string): string | null {
  return FORMAT_KINDS[one] ?? null;
}
