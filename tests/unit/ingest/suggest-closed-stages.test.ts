/**
 * `npm run init` on a canonical folder whose stage names are the team's own
 * (계약 for a signed contract, which no name rule can call won): deals.csv's
 * own closed_at and win / lost reasons say which stages are closed, where
 * the guess from the name would make 계약 an open stage and add a placeholder
 * won stage.
 */
import { describe, expect, it } from 'vitest';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import type { ExportFile } from '../../../src/lib/ingest/vendor/load.ts';
import { suggestConfig } from '../../../src/lib/ingest/vendor/suggest-config.ts';

const file = (path: string, text: string): ExportFile => ({ path, source: byteSource(new TextEncoder().encode(text)) });
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

const DEALS = lines(
  'deal_id,account_id,owner,amount,created_at,closed_at,stage,win_reason,lost_reason',
  'D1,A1,김,100,2025-01-02,2025-03-01,계약,가격,',
  'D2,A1,김,100,2025-01-03,2025-03-02,계약,,',
  'D3,A2,이,100,2025-01-04,2025-03-03,계약,관계,',
  'D4,A2,이,100,2025-01-05,2025-02-01,종료,,가격',
  'D5,A3,이,100,2025-01-06,2025-02-02,종료,,예산',
  // An open stage with one reopened deal that still carries its old close and reason: not enough to close the stage.
  'D6,A3,김,100,2025-01-07,2025-02-03,협의,,가격',
  'D7,A4,김,100,2025-01-08,,협의,,',
  'D8,A4,김,100,2025-01-09,,협의,,',
  'D9,A5,김,100,2025-01-10,,발굴,,',
);
const HISTORY = lines(
  'deal_id,stage,entered_at',
  ...['D1', 'D2', 'D3'].flatMap((d) => [`${d},발굴,2025-01-02`, `${d},협의,2025-02-01`, `${d},계약,2025-03-01`]),
  ...['D4', 'D5'].flatMap((d) => [`${d},발굴,2025-01-05`, `${d},종료,2025-02-01`]),
  ...['D6', 'D7', 'D8'].flatMap((d) => [`${d},발굴,2025-01-07`, `${d},협의,2025-01-20`]),
  'D9,발굴,2025-01-10',
);

describe('init on a canonical folder: closed stages from closed_at and the reasons', () => {
  it('takes 계약 as won and 종료 as lost from the deals at them, and keeps 협의 open', () => {
    const { config, notes } = suggestConfig([file('deals.csv', DEALS), file('stage_history.csv', HISTORY)]);
    expect(config.stages.map((s) => `${s.label.ko}:${s.kind}`)).toEqual(['발굴:open', '협의:open', '계약:won', '종료:lost']);
    expect(notes).toContain('stage "계약" (6 rows) -> id "gyeyak", won: 3 of its 3 deals have closed_at, and 2 a win_reason (0 the other reason)');
    expect(notes).toContain('stage "종료" (4 rows) -> id "jongryo", lost: 2 of its 2 deals have closed_at, and 2 a lost_reason (0 the other reason)');
    expect(notes.some((n) => n.includes('no stage name looks won'))).toBe(false);
  });

  it('without closed_at, the kinds are guessed from the names as before', () => {
    const noClose = DEALS.split('\n').map((l) => l.split(',').filter((_, i) => i !== 5).join(',')).join('\n');
    const { config } = suggestConfig([file('deals.csv', noClose), file('stage_history.csv', HISTORY)]);
    expect(config.stages.find((s) => s.label.ko === '계약')?.kind).toBe('open');
  });
});
