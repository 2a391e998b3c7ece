/**
 * Which opportunity a report row belongs to. Reports carry the Opportunity ID
 * only when it was added as a column; otherwise an opportunity is known by
 * its name and created date (two opportunities with the same name created on
 * the same day would merge: add "Opportunity ID" to the reports to tell them apart).
 */
import type { Config } from '../config.ts';
import { Invalid, parseLocalDate } from '../values.ts';
import { dateOptions } from './salesforce-common.ts';

export class OpportunityKeys {
  /** Join by Opportunity ID: only when every report involved has the column. */
  readonly byId: boolean;
  private readonly config: Config;
  private readonly createdDates = new Map<string, string>();

  constructor(config: Config, byId: boolean) {
    this.config = config;
    this.byId = byId;
  }

  /** The created date as `YYYY-MM-DD` when it reads as a date (so both reports agree however they write it), else as written. */
  createdDate(cell: string): string {
    let date = this.createdDates.get(cell);
    if (date === undefined) {
      const parsed = parseLocalDate(cell, dateOptions(this.config));
      date = parsed instanceof Invalid ? cell : parsed;
      this.createdDates.set(cell, date);
    }
    return date;
  }

  /** The join key of a row: its ID, or its name and created date. */
  key(id: string, name: string, created: string): string {
    if (this.byId && id !== '') return id;
    // A report lists an opportunity's rows together: its key is the one just made.
    if (name !== this.last.name || created !== this.last.created) this.last = { name, created, key: `${name}\u0000${this.createdDate(created)}` };
    return this.last.key;
  }

  private last = { name: '', created: '', key: '\u0000' };

  /** The canonical deal_id: the Opportunity ID when known, else "name (created date)". */
  dealId(id: string, name: string, created: string): string {
    if (id !== '') return id;
    const date = this.createdDate(created);
    return date === '' ? name : `${name} (${date})`;
  }
}
