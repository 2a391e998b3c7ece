/**
 * Every problem that stops a run has a code (ingest/fatal-codes.ts) and a Korean wording
 * (i18n/fatal-text*.ts). The exact Korean of each, as the command line prints it, is asserted in
 * tests/unit/cli/fatal-locale.test.ts; here: that no code is left without Korean, and the
 * messages a command line run cannot easily provoke (a file changed while read, an unreadable
 * file, the Salesforce reports' columns).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../../../src/lib/ingest/config.ts';
import { FATAL_CODES, type FatalCode } from '../../../src/lib/ingest/fatal-codes.ts';
import { sameLayout } from '../../../src/lib/ingest/vendor/salesforce-common.ts';
import type { VendorTable } from '../../../src/lib/ingest/vendor/types.ts';
import { FATAL_RULES, fatalText } from '../../../src/lib/i18n/fatal-text.ts';

/** Codes knowingly left in English. Empty: a code added without Korean fails the test below until it has its wording (or is listed here, and in the report). */
const KNOWN_UNTRANSLATED: readonly FatalCode[] = [];

const ko = (code: FatalCode, message: string, file?: string) => fatalText({ code, message, file }, 'ko');

/** What `run` throws (undefined when it throws nothing). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('fatal codes', () => {
  it('every code has Korean rules, but the known untranslated ones', () => {
    expect(FATAL_CODES.filter((code) => !Object.hasOwn(FATAL_RULES, code) || FATAL_RULES[code]!.length === 0)).toEqual(KNOWN_UNTRANSLATED);
  });

  it('--pipeline refused for data without pipelines names the canonical files that have them', () => {
    expect(
      ko(
        'pipeline_not_applicable',
        '--pipeline "Sales" cannot be applied to Salesforce reports: only HubSpot and Pipedrive exports, and canonical files whose deals.csv has a "pipeline" column, hold pipelines to choose from; leave out --pipeline',
      ),
    ).toBe('--pipeline "Sales"는 Salesforce 보고서에는 쓸 수 없습니다. 고를 파이프라인이 있는 것은 HubSpot과 Pipedrive 내보내기, 그리고 deals.csv에 "pipeline" 열이 있는 표준 파일뿐이니 --pipeline을 빼세요');
    expect(
      ko('pipeline_not_found', '--pipeline "Sales" is not in deals.csv: it holds no deals at all (only its header row). Check that the view you exported is not empty or filtered, and export it again'),
    ).toBe('--pipeline "Sales"가 deals.csv에 없습니다. deals.csv에 딜이 하나도 없습니다(머리글 행만 있습니다). 내보낸 보기가 비어 있거나 필터가 걸려 있지 않은지 확인하고 다시 내보내세요');
  });

  it('English is the message as ingest wrote it', () => {
    const message = 'deals.csv: missing required column "owner"';
    expect(fatalText({ code: 'missing_columns', message }, 'en')).toBe(message);
  });

  it('a wording no rule knows stays English, never a wrong sentence', () => {
    expect(ko('missing_columns', 'deals.csv: a new way of saying it')).toBe('deals.csv: a new way of saying it');
    expect(ko('missing_columns', 'deals.csv: missing required column "owner"; a hint no rule knows')).toBe('deals.csv: missing required column "owner"; a hint no rule knows');
  });

  it('unknown keys of one object, one line: each is said', () => {
    const error = thrown(() => parseConfigText('{"stages": [{"id": "a", "kind": "open", "colour": "red", "size": 2}]}'));
    const e = error as ConfigError;
    expect(e.message).toMatch(/^pipeline\.config\.json: stages\[0\] at line 1 column 13: unknown key "colour": the keys here are .+; unknown key "size": the keys here are /u);
    expect(fatalText(e, 'ko')).toMatch(
      /^pipeline\.config\.json: stages\[0\]\(1행 13열\): 알 수 없는 키 "colour"입니다\. 여기에 쓸 수 있는 키: "id", .+\(docs\/input\.md에 목록이 있습니다\); 알 수 없는 키 "size"입니다\. 여기에 쓸 수 있는 키: "id", .+\(docs\/input\.md에 목록이 있습니다\)(?:\n|$)/u,
    );
  });

  it('a config problem is said line by line: the line no rule knows stays English, the others are Korean', () => {
    const error = thrown(() => parseConfigText('{"window_days": 0, "currency": "won"}'));
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.code).toBe('config_invalid');
    expect(fatalText(e, 'ko')).toBe(
      'pipeline.config.json: currency(1행 32열): "KRW" 같은 ISO 4217 통화 코드여야 합니다(지금은 "won")\npipeline.config.json: window_days(1행 17열): 0보다 커야 합니다(지금은 0)',
    );
    const unknown = `${e.message.split('\n')[0]}\npipeline.config.json: fx at line 1 column 2: something new`;
    expect(fatalText({ code: 'config_invalid', message: unknown }, 'ko')).toBe('pipeline.config.json: currency(1행 32열): "KRW" 같은 ISO 4217 통화 코드여야 합니다(지금은 "won")\npipeline.config.json: fx at line 1 column 2: something new');
  });
});

describe('messages a run rarely meets', () => {
  it('a file changed while it was read, or that cannot be read', () => {
    expect(ko('file_changed', 'stage_history.csv: the file changed while it was read (its size is no longer 1,048,576 bytes); read it again once it is written completely')).toBe(
      'stage_history.csv: 읽는 동안 파일이 바뀌었습니다(크기가 더 이상 1,048,576바이트가 아닙니다). 파일이 끝까지 저장된 뒤 다시 실행하세요',
    );
    expect(ko('file_unreadable', '/data/deals.csv: cannot be read (EACCES)')).toBe('/data/deals.csv: 파일을 읽을 수 없습니다(EACCES)');
    expect(ko('not_a_file', '/data/deals.csv: is not a file (a FIFO, a device or a socket), not the CSV file it is named after')).toBe(
      '/data/deals.csv: 파일이 아닙니다(FIFO, 장치 또는 소켓). 이름과 달리 CSV 파일이 아닙니다',
    );
    expect(ko('not_a_file', '/data/pipeline.config.json: is a symbolic link to nothing (/old/pipeline.config.json does not exist), not the config file it is named after')).toBe(
      '/data/pipeline.config.json: 없는 파일(/old/pipeline.config.json)을 가리키는 심볼릭 링크입니다. 이름과 달리 설정 파일이 아닙니다',
    );
    expect(ko('data_folder_unreadable', '/data: not a folder')).toBe('/data: 폴더가 아닙니다');
    expect(ko('data_folder_unreadable', '/data/deals.csv: not a folder: --data takes the folder that holds the files, here /data')).toBe(
      '/data/deals.csv: 폴더가 아닙니다. --data에는 파일이 들어 있는 폴더를 주세요(여기서는 /data)',
    );
  });

  it("--config's file that does not exist or is a folder", () => {
    expect(ko('config_file_unreadable', 'ci/pipeline.config.json: the file does not exist')).toBe('ci/pipeline.config.json: 파일이 없습니다');
    expect(ko('config_file_unreadable', 'ci: is a folder, not a config file')).toBe('ci: 폴더입니다. 설정 파일이 아닙니다');
  });

  it('a ZIP archive under a .csv name', () => {
    expect(ko('not_text_csv', 'deals.csv: a ZIP archive saved under a .csv name, not a CSV file: extract it and put the CSV file it holds in its place, named deals.csv')).toBe(
      'deals.csv: .csv 이름으로 저장된 ZIP 압축 파일이며 CSV 파일이 아닙니다. 압축을 풀고 그 안의 CSV 파일을 deals.csv 이름으로 대신 넣으세요',
    );
  });

  it("the Salesforce reports' and exports' columns", () => {
    const table = (file: string, names: string[]) => ({ file, names }) as unknown as VendorTable;
    const error = thrown(() => sameLayout([table('EMEA.csv', ['Opportunity Name', 'Stage']), table('APAC.csv', ['Opportunity Name'])], 'Opportunities report'));
    const e = error as { code: FatalCode; message: string };
    expect(e.code).toBe('export_columns_differ');
    expect(fatalText(e, 'ko')).toBe('APAC.csv: 열 구성이 EMEA.csv와 다릅니다. 모든 Opportunities 보고서를 같은 열로 내보내세요');
    expect(ko('export_lacks_columns', 'EMEA.csv: the Opportunities report lacks "Opportunity Owner", "Amount"; add them to the report and export again')).toBe(
      'EMEA.csv: Opportunities 보고서에 "Opportunity Owner", "Amount" 열이 없습니다. 보고서에 추가하여 다시 내보내세요',
    );
    expect(ko('export_lacks_columns', 'history.csv: the Opportunity History report lacks "Last Modified" ("Last Modified" is the date of each change); add it to the report and export again')).toBe(
      'history.csv: Opportunity History 보고서에 "Last Modified" 열이 없습니다("Last Modified"는 각 변경의 날짜입니다). 보고서에 추가하여 다시 내보내세요',
    );
    expect(ko('export_lacks_columns', 'history.csv: the Opportunity History report lacks "Amount", needed to build the deals (or add an Opportunities report); add it to the report and export again')).toBe(
      'history.csv: Opportunity History 보고서에 "Amount" 열이 없습니다(딜을 만드는 데 필요합니다. 또는 Opportunities 보고서를 추가하세요). 보고서에 추가하여 다시 내보내세요',
    );
    expect(ko('export_lacks_columns', 'Opportunity.csv: the Opportunity export lacks StageName, OwnerId; add them to the export and run it again')).toBe(
      'Opportunity.csv: Opportunity 내보내기에 StageName, OwnerId 열이 없습니다. 내보내기에 추가하여 다시 실행하세요',
    );
    expect(ko('export_lacks_columns', 'a.csv: the HubSpot deals export lacks "Deal owner" or "Owner", "Amount" and "Create Date"; add them to the exported columns and export again')).toBe(
      'a.csv: HubSpot 딜 내보내기에 "Deal owner" 또는 "Owner", "Amount", "Create Date" 열이 없습니다. 내보낼 열에 추가하여 다시 내보내세요',
    );
  });
});
