/**
 * A file name written in bytes without a stated encoding, as text: UTF-8
 * when it reads as UTF-8, else the code page of the Windows that wrote it;
 * Korean Windows writes CP949 (거래.csv), any other Windows-1252 (what
 * TextDecoder calls latin1, one character a byte). Used for a ZIP entry's
 * name without the UTF-8 flag (archive/zip-entries.ts) and for a folder
 * entry whose name is not UTF-8 (export-listing.ts).
 */
import { type StreamDecoder, textDecoder } from './cp949.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Made on first use: on Node it builds the CP949 table (~10 ms), which a run whose names are all UTF-8 never needs.
let strictCp949: StreamDecoder | null = null;
const latin1 = new TextDecoder('latin1');

export function legacyName(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Not UTF-8: Korean Windows' code page next.
  }
  strictCp949 ??= textDecoder('euc-kr', { fatal: true });
  try {
    return strictCp949.decode(bytes);
  } catch {
    // Neither: one character a byte.
  }
  return latin1.decode(bytes);
}
