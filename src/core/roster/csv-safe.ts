// Spreadsheet formula injection: a cell starting with = + - @ (or a tab / carriage return, which
// some spreadsheets skip before reading a formula) is executed by Excel, LibreOffice and Sheets.
// OWASP's advice for CSV exports is to prefix such cells with a single quote.

const FORMULA_START = /^[=+\-@\t\r]/;

export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

/** A cell value safe to put in a CSV that people will open in a spreadsheet. */
export function csvSafeCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers are written by us, not typed by users: "-3" as a number is data, not a formula.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return isFormulaLike(value) ? `'${value}` : value;
}
