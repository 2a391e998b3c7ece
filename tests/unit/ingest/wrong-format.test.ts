/**
 * `--format` given a folder of another CRM's exports (or of canonical
 * files): the error names each file, what it looks like, and the --format
 * to use (or none), for every pair of formats.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { EXPORTS, exportFile, load } from './export-helpers.ts';

const FIXTURES = join(EXPORTS, '..');

/** A folder of each format, the file the error should name, and how that format is called in messages. */
const FOLDERS = [
  { format: 'hubspot', folder: join(EXPORTS, 'hubspot-deals', 'data'), file: 'hubspot-crm-exports-all-deals-2025-06-30.csv', name: 'HubSpot deals export' },
  { format: 'pipedrive', folder: join(EXPORTS, 'pipedrive-deals', 'data'), file: 'deals-8317624-41.csv', name: 'Pipedrive deals export' },
  { format: 'salesforce-report', folder: join(EXPORTS, 'salesforce-reports-joined', 'data'), file: 'Opportunity History - EMEA.csv', name: 'Salesforce report' },
  { format: 'salesforce-api', folder: join(EXPORTS, 'salesforce-data-loader', 'data'), file: 'Opportunity.csv', name: 'Salesforce Data Loader export' },
  { format: 'canonical', folder: join(FIXTURES, 'spec-example', 'data'), file: 'deals.csv', name: 'canonical files' },
] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

async function failure(folder: string, format: string): Promise<string> {
  try {
    await readFolder(folder, { format });
  } catch (e) {
    return (e as Error).message;
  }
  return '(read without an error)';
}

describe('--format that does not match the folder', () => {
  for (const data of FOLDERS) {
    for (const given of FOLDERS) {
      if (given === data) continue;
      it(`${data.format} files with --format ${given.format}: names the file, what it is and the --format to use`, async () => {
        const message = await failure(data.folder, given.format);
        expect(message).toMatch(new RegExp(escape(data.file), 'u'));
        expect(message).toMatch(new RegExp(`${escape(data.file)}(, [^:]+)?: (it looks like an? |they look like |it is one of the |they are the )${escape(data.name)}`, 'u'));
        expect(message).toMatch(new RegExp(`run (it )?with --format ${escape(data.format)}, or without --format`, 'u'));
        expect(message).not.toMatch(/required file is missing \(the folder has/u);
        // Each file named once: in what it is, not in a list before.
        expect(message.split(data.file).length - 1).toBe(1);
      });
    }
  }

  it('gives the whole sentence for a HubSpot export read with --format pipedrive', async () => {
    expect(await failure(FOLDERS[0].folder, 'pipedrive')).toBe(
      'no Pipedrive deals export found (--format pipedrive). ' +
        'hubspot-crm-exports-all-deals-2025-06-30.csv: it looks like a HubSpot deals export, not a Pipedrive deals export: run with --format hubspot, or without --format to detect it',
    );
  });
});

describe('a file of another format beside the exports --format reads', () => {
  it('is a warning naming it, what it is and the --format that reads it, in English and Korean', () => {
    const file = (folder: string, name: string) => exportFile(name, readFileSync(join(folder, name), 'utf8'));
    const [hubspot, pipedrive] = [FOLDERS[0], FOLDERS[1]];
    const config = JSON.parse(readFileSync(join(pipedrive.folder, 'pipeline.config.json'), 'utf8')) as object;
    const dataset = load([file(pipedrive.folder, pipedrive.file), file(hubspot.folder, hubspot.file)], config, { format: 'pipedrive' });
    const warning = dataset.issues.find((i) => i.file === hubspot.file)!;
    expect(warning).toMatchObject({ code: 'unknown_export', severity: 'warning', line: 0 });
    expect(warning.message).toBe(
      'not a file this tool reads (its columns match no pipedrive export); the file is ignored: it looks like a HubSpot deals export, not a Pipedrive deals export: run with --format hubspot, or without --format to detect it',
    );
    expect(issueMessage(warning, 'ko')).toBe(
      '읽을 수 있는 파일이 아닙니다(열이 pipedrive 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. HubSpot 딜 내보내기 형식으로 보이며 Pipedrive 딜 내보내기 형식이 아닙니다. --format hubspot으로 실행하거나 --format 없이 실행하여 형식을 자동으로 알아내게 하세요',
    );
  });
});
