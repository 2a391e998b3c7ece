/** Canonical files found whatever the case of their names (file-names.ts). */
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { OPTIONAL_FILES, REQUIRED_FILES } from '../../../src/lib/ingest/dataset-builder.ts';
import { DATA_FOLDER_FILES, entriesByName } from '../../../src/lib/ingest/file-names.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';

describe('entriesByName', () => {
  it('finds each name exactly, else ignoring case, and leaves out the names the folder lacks', () => {
    const found = entriesByName(['Deals.csv', 'stage_history.csv', 'notes.txt', '__proto__', 'ACCOUNTS.CSV'], DATA_FOLDER_FILES);
    expect([...found]).toEqual([
      ['deals.csv', 'Deals.csv'],
      ['stage_history.csv', 'stage_history.csv'],
      ['accounts.csv', 'ACCOUNTS.CSV'],
    ]);
  });

  it('refuses two entries only case tells apart, naming both, whichever is the exact name', () => {
    expect(() => entriesByName(['deals.csv', 'Deals.csv'], ['deals.csv'])).toThrow('deals.csv: the folder has "deals.csv" and "Deals.csv", which only the case of letters tells apart: keep one of them');
    expect(() => entriesByName(['DEALS.CSV', 'Deals.csv'], ['deals.csv'])).toThrow(IngestFatalError);
    // A name no one asked for may come in any case.
    expect([...entriesByName(['notes.txt', 'NOTES.TXT', 'deals.csv'], ['deals.csv'])]).toEqual([['deals.csv', 'deals.csv']]);
  });

  it("lists the same files as the builder's required and optional files", () => {
    expect([...DATA_FOLDER_FILES].sort()).toEqual([...REQUIRED_FILES, ...OPTIONAL_FILES].sort());
  });
});

describe('an exports folder', () => {
  it('reads its config whatever the case of its name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipescope-names-'));
    try {
      cpSync('tests/fixtures/exports/pipedrive-deals/data', dir, { recursive: true });
      const lower = await readFolder(dir);
      renameSync(join(dir, 'pipeline.config.json'), join(dir, 'Pipeline.Config.JSON'));
      const upper = await readFolder(dir);
      expect(upper.config).toEqual(lower.config);
      // Not the defaults: the fixture's config sets the currency and rates.
      expect(upper.config.fx).not.toEqual({});
      expect(upper.dataset.deals).toEqual(lower.dataset.deals);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
