/**
 * A `products` key typed by hand that no deal's product is (`CNC-5x` for the
 * data's `CNC-5X`): products match exactly, so that product's customers would
 * drop off the Repurchase page without a word. Warned, with the product meant.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { utf8 } from './helpers.ts';

const DEALS = 'deal_id,account_id,owner,product,amount,created_at,closed_at,stage\nD1,A1,Kim,CNC-5X,100,2025-01-02,2025-02-01,won\nD2,A2,Kim,CNC-5X,100,2025-01-03,,prospect\nD3,A2,Lee,MES Suite,100,2025-01-04,2025-02-01,won\n';
const HISTORY = 'deal_id,stage,entered_at\nD1,prospect,2025-01-02\nD1,won,2025-02-01\nD2,prospect,2025-01-03\nD3,prospect,2025-01-04\nD3,won,2025-02-01\n';
const read = (config: unknown) =>
  loadDataset({ 'deals.csv': utf8(DEALS), 'stage_history.csv': utf8(HISTORY), ...(config === undefined ? {} : { 'pipeline.config.json': utf8(JSON.stringify(config)) }) }).dataset.issues.filter(
    (i) => i.code === 'unknown_product',
  );

describe('unknown_product', () => {
  it('names a products key no deal has, with the product it likely meant, in English and Korean', () => {
    const issues = read({ products: { 'CNC-5x': { lifecycle_months: 60 }, 'MES Suite': { lifecycle_months: 24 }, ROBOT: { lifecycle_months: 72 } } });
    expect(issues.map(({ file, line, column, severity, message }) => ({ file, line, column, severity, message }))).toEqual([
      {
        file: 'pipeline.config.json',
        line: 0,
        column: 'products.CNC-5x',
        severity: 'warning',
        message: 'no deal has the product "CNC-5x": did you mean "CNC-5X" (2 deals)? Products match exactly, so its deals have no lifecycle from the config',
      },
      { file: 'pipeline.config.json', line: 0, column: 'products.ROBOT', severity: 'warning', message: 'no deal has the product "ROBOT": the products in deals.csv are "CNC-5X", "MES Suite"' },
    ]);
    expect(issues.map((i) => issueMessage(i, 'ko'))).toEqual([
      '제품 "CNC-5x"인 딜이 없습니다. "CNC-5X"(딜 2건)를 뜻했나요? 제품 이름은 정확히 같아야 하므로 그 딜들에는 설정의 수명 주기가 적용되지 않습니다',
      '제품 "ROBOT"인 딜이 없습니다. deals.csv의 제품: "CNC-5X", "MES Suite"',
    ]);
  });

  it('says nothing of the default example product, or when every key is a product of the data', () => {
    expect(read(undefined)).toEqual([]);
    expect(read({ currency: 'KRW' })).toEqual([]);
    expect(read({ products: { 'CNC-5X': { lifecycle_months: 60 } } })).toEqual([]);
  });
});
