/** Why a workbook cannot be read (XLS: cfb.ts, xls.ts; a web page saved as .xls: html-table.ts), in words a person can act on; an XLSX's container says it with ZipError. */
export class WorkbookError extends Error {}
