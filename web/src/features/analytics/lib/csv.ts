// CSV read in the browser: the separator is guessed (`;` as Czech spreadsheets save it, `,` or tab),
// quoted fields may hold separators, quotes and line breaks; weights may use a decimal comma.
// Rows are then summed per (group, unit) so a pupil-level file posts as a small table,
// and every posted row remembers the CSV lines it came from, to place the server's row errors.

export type ParsedCsv = {
  separator: string;
  header: string[];
  /** Data records with their 1-based line numbers in the file. */
  records: { line: number; cells: string[] }[];
};

export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts = [';', '\t', ','].map((sep) => ({ sep, n: firstLine.split(sep).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.sep : ',';
}

/** Splits CSV text into records of cells, with the line each record starts on. */
export function splitCsv(text: string, separator: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] ?? '';
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) out.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line += 1;
      recordLine = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) out.push({ line: recordLine, cells });
  return out;
}

export function parseCsv(text: string, hasHeader: boolean): ParsedCsv {
  const separator = detectSeparator(text);
  const all = splitCsv(text, separator);
  const width = all.reduce((w, r) => Math.max(w, r.cells.length), 0);
  if (hasHeader && all.length > 0) {
    const first = all[0]!;
    const header = Array.from({ length: width }, (_, i) => first.cells[i]?.trim() || `#${i + 1}`);
    return { separator, header, records: all.slice(1) };
  }
  return { separator, header: Array.from({ length: width }, (_, i) => `#${i + 1}`), records: all };
}

/** `12`, `1,5`, `1.5`, `1 234,5` → number; anything else → null. */
export function parseWeight(raw: string): number | null {
  const text = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return null;
  const normalised = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

export type CsvProblem = { line: number; problem: 'emptyGroup' | 'emptyUnit' | 'badWeight' | 'negativeWeight'; value: string };

export type AggregatedRows = {
  rows: { group: string; unit: string; weight: number }[];
  /** For each posted row, the CSV lines summed into it. */
  lines: number[][];
  problems: CsvProblem[];
  groups: string[];
  units: number;
};

export type ColumnChoice = { group: number; unit: number; weight: number | null };

export function aggregateRows(csv: ParsedCsv, columns: ColumnChoice): AggregatedRows {
  const index = new Map<string, number>();
  const rows: AggregatedRows['rows'] = [];
  const lines: number[][] = [];
  const problems: CsvProblem[] = [];
  const groups = new Set<string>();
  const units = new Set<string>();
  for (const record of csv.records) {
    const group = (record.cells[columns.group] ?? '').trim();
    const unit = (record.cells[columns.unit] ?? '').trim();
    if (group === '') problems.push({ line: record.line, problem: 'emptyGroup', value: '' });
    if (unit === '') problems.push({ line: record.line, problem: 'emptyUnit', value: '' });
    let weight = 1;
    if (columns.weight !== null) {
      const raw = record.cells[columns.weight] ?? '';
      const parsed = parseWeight(raw);
      if (parsed === null) problems.push({ line: record.line, problem: 'badWeight', value: raw });
      else if (parsed < 0) problems.push({ line: record.line, problem: 'negativeWeight', value: raw });
      else weight = parsed;
    }
    if (group === '' || unit === '') continue;
    groups.add(group);
    units.add(unit);
    const key = JSON.stringify([group, unit]);
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, rows.length);
      rows.push({ group, unit, weight });
      lines.push([record.line]);
    } else {
      rows[at]!.weight += weight;
      lines[at]!.push(record.line);
    }
  }
  const collator = new Intl.Collator('cs');
  return { rows, lines, problems, groups: [...groups].sort(collator.compare), units: units.size };
}

/** `rows[3].weight` → { index: 3, field: 'weight' }; anything else → null. */
export function parseRowField(field: string): { index: number; field: string | null } | null {
  const match = /^rows\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (!match) return null;
  return { index: Number(match[1]), field: match[2] ?? null };
}
