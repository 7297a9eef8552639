// A spreadsheet a manager picked to import (CSV text, or an XLSX file's bytes in base64).
export type TableFile = { name: string; kind: 'csv'; text: string } | { name: string; kind: 'xlsx'; base64: string };
