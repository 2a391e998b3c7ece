/**
 * The Opportunity History report's rows, read and put in order by
 * salesforce-report-history.ts, written into the canonical stage and field
 * history tables, one opportunity at a time.
 */
import { checkCurrency } from '../currency-check.ts';
import { Invalid } from '../values.ts';
import { type Money, parseMoney } from '../money.ts';
import { amountsDiffer, type AdapterLog, dateOptions, datesDiffer } from './salesforce-common.ts';
import type { HistoryRead } from './salesforce-history-rows.ts';
import type { CanonicalTable, StageHistoryTable } from './types.ts';
import { type ColumnCodes, codeAt } from './vendor-table.ts';

/**
 * Emits each opportunity's stage entries (creation rows and moves; a row whose
 * From equals its To is not one) and its amount and close-date changes (a row
 * whose value differs from the previous row's), all in rebuilt order, into
 * the canonical tables; `fields` is null when the report has neither Amount
 * nor Close Date. Stage rows go in as codes: each report's distinct To cells
 * and each distinct date are coded in the stage history once.
 */
export class HistoryEmitter {
  private readonly read: HistoryRead;
  private readonly stages: StageHistoryTable;
  private readonly fields: CanonicalTable | null;
  private readonly ctx: AdapterLog;
  /** Per report, its cell code to the stage history's stage code (-1: not yet coded); per distinct date, its code there. */
  private readonly stageCodes: Int32Array[];
  private readonly dateCodes: Int32Array;
  /** Per report, the codes of its To Stage, From Stage, Amount and Close Date columns (the reports no longer change). */
  private readonly tos: ColumnCodes[];
  private readonly froms: ColumnCodes[];
  private readonly amounts: ColumnCodes[];
  private readonly closes: ColumnCodes[];
  private readonly currencies: ColumnCodes[];
  /**
   * Per report, by Amount cell code: 0 not read yet, 1 a plain number, 2 does not read, 3 a number with a currency
   * code or sign; the last two kept in `amountsKept` (report × 2^32 + code). Nearly every cell is a plain number: a
   * typed array is all its lookups cost.
   */
  private readonly amountKinds: Int8Array[];
  private readonly amountsKept = new Map<number, Money | Invalid>();
  /** Reused for each field row (addCells copies the cells). */
  private readonly fieldRow = ['', '', '', '', ''];

  constructor(read: HistoryRead, stages: StageHistoryTable, fields: CanonicalTable | null, ctx: AdapterLog) {
    this.read = read;
    this.stages = stages;
    this.fields = fields;
    this.ctx = ctx;
    this.stageCodes = read.tables.map((t) => new Int32Array(t.values.length).fill(-1));
    this.amountKinds = read.tables.map((t) => new Int8Array(t.values.length));
    this.tos = read.tables.map((t) => t.columnCodes(read.columns.to.index));
    this.froms = read.tables.map((t) => t.columnCodes(read.columns.from.index));
    this.amounts = read.tables.map((t) => t.columnCodes(read.columns.amount.index));
    this.closes = read.tables.map((t) => t.columnCodes(read.columns.close.index));
    this.currencies = read.tables.map((t) => t.columnCodes(read.columns.currency.index));
    this.dateCodes = Int32Array.from(read.dates, (date) => stages.dates.code(date));
  }

  /** `amountIsDeals`: the deal's amount is its latest row's (no Opportunities report row describes it). */
  emit(k: number, dealId: string, amountIsDeals: boolean): void {
    const { read, stages, fields, stageCodes, dateCodes } = this;
    const c = read.columns;
    const config = this.ctx.config;
    const dates = dateOptions(config);
    const texts = read.dateTexts;
    // Each opportunity is emitted once.
    const deal = stages.deals.append(dealId);
    const { order, tableOf, recordOf, dateOf } = read;
    const { tos, froms, amounts, closes, currencies } = this;
    let amount = '';
    /** An Amount cell of the opportunity has been read: the next one that differs is a change. */
    let amountSeen = false;
    let close = '';
    // The previous row's report and its Amount and Close Date codes: a cell with the same code there has the same text, so it changed nothing.
    let lastTable = -1;
    let amountCode = -1;
    let closeCode = -1;
    const end = read.offsets[k + 1]!;
    for (let i = read.offsets[k]!; i < end; i++) {
      const row = order[i]!;
      const t = tableOf[row]!;
      const table = read.tables[t]!;
      const r = recordOf[row]!;
      const file = table.file;
      const line = table.line(r);
      // One code per distinct text in a report (vendor-table.ts): equal codes, equal texts.
      const to = codeAt(tos[t]!, r);
      if (codeAt(froms[t]!, r) !== to) {
        let stage = stageCodes[t]![to]!;
        if (stage === -1) stageCodes[t]![to] = stage = stages.stages.code(table.values[to]!);
        stages.addCodes(deal, stage, dateCodes[dateOf[row]!]!, file, line);
      }
      if (!fields) continue;
      const first = i === read.offsets[k];
      const sameTable = t === lastTable;
      lastTable = t;
      const amountAt = codeAt(amounts[t]!, r);
      if (c.amount.index !== -1 && !(sameTable && amountAt === amountCode)) {
        const value = table.values[amountAt]!;
        const currency = c.currency.index === -1 ? '' : table.values[codeAt(currencies[t]!, r)]!;
        const unread = this.unreadAmount(t, amountAt, value, currency);
        if (unread !== null) {
          // Said on its own line, in the report's own column; the changes around it are made from the amounts that read.
          // The row a deal's amount comes from is said as the deal's (its row then rejected), not twice.
          if (!(amountIsDeals && i === end - 1)) this.ctx.warn(file, line, c.amount.label, unread.code, `"${c.amount.label}" ${unread.reason}; this row's amount is not read, so no amount change is made to or from it`);
        } else {
          if (amountSeen && amountsDiffer(amount, value, config)) this.addField(dealId, 'amount', amount, value, read.dates[dateOf[row]!]!, file, line);
          amount = value;
          amountCode = amountAt;
          amountSeen = true;
        }
      }
      const closeAt = codeAt(closes[t]!, r);
      if (c.close.index !== -1 && !(sameTable && closeAt === closeCode)) {
        const value = texts.text(table.values[closeAt]!);
        if (!first && datesDiffer(close, value, dates)) this.addField(dealId, 'expected_close_at', close, value, read.dates[dateOf[row]!]!, file, line);
        close = value;
        closeCode = closeAt;
      }
    }
  }

  /**
   * Why an Amount cell does not read (null when it does, or is blank): not a
   * number, or in another currency than its row's (the config's without a
   * currency column). Each distinct cell of a report is parsed once.
   */
  private unreadAmount(t: number, code: number, value: string, currency: string): Invalid | null {
    if (value === '') return null;
    const kinds = this.amountKinds[t]!;
    const key = t * 0x100000000 + code;
    if (kinds[code] === 0) {
      // A leading `\` is read as ₩ when the row's currency is KRW, as deals.csv's reader reads it (checkCurrency).
      const money = parseMoney(value, { decimal: this.ctx.config.decimal, backslash: true });
      kinds[code] = money instanceof Invalid ? 2 : money.code === null && money.signs === null ? 1 : 3;
      if (kinds[code] !== 1) this.amountsKept.set(key, money);
    }
    if (kinds[code] === 1) return null;
    const money = this.amountsKept.get(key)!;
    // A currency is the row's own: checked on every row, as each may name another.
    return money instanceof Invalid ? money : checkCurrency(money, currency || this.ctx.config.currency, "the deal's currency");
  }

  private addField(dealId: string, field: string, from: string, to: string, date: string, file: string, line: number): void {
    const row = this.fieldRow;
    row[0] = dealId;
    row[1] = field;
    row[2] = from;
    row[3] = to;
    row[4] = date;
    this.fields!.addCells(row, file, line);
  }
}
