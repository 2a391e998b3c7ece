/**
 * Full-width forms of ASCII (U+FF01-FF5E: `３`, `，`, `Ａ`), as a Korean, Japanese or Chinese input method
 * types them in its full-width mode, written as the ASCII they stand for. For messages (how to write a cell)
 * and for reading a value aloud (the Korean particle after `"３０００"`), never for reading data.
 */
export function halfWidthForms(text: string): string {
  return text.replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
