/**
 * Which opportunity a report row belongs to. Reports carry the Opportunity ID
 * only when it was added as a column; otherwise an opportunity is known by
 * its name and created date (two opportunities with the same name created on
 * the same day would merge: add "Opportunity ID" to the reports to tell them apart).
 * Reports show the 15-character ID; an 18-character one (a CASESAFEID formula
 * column such as "Opportunity ID (18)") is the same ID with a checksum of its
 * letters' case, and joins to it.
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

  /** The join key of a row: its ID (an 18-character one as its 15 characters), or its name and created date. */
  key(id: string, name: string, created: string): string {
    if (this.byId && id !== '') return id.length === 18 ? fifteenCharacterId(id) : id;
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

const CHECKSUM_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 15-character Salesforce ID an 18-character one extends, or the ID
 * itself when its last 3 characters are not the checksum of the first 15
 * (each encodes which of 5 characters are capital letters): then it is
 * another kind of id, and joins only to itself.
 */
export function fifteenCharacterId(id: string): string {
  if (id.length !== 18) return id;
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    if (id[15 + chunk] !== CHECKSUM_LETTERS[bits]) return id;
  }
  return id.slice(0, 15);
}
