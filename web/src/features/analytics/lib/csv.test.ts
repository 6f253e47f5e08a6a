import { describe, expect, it } from 'vitest';
import { aggregateRows, detectSeparator, parseCsv, parseRowField, parseWeight } from './csv';

describe('CSV in the browser', () => {
  it('guesses the separator', () => {
    expect(detectSeparator('skupina;škola;počet\nroma;A;3')).toBe(';');
    expect(detectSeparator('group,unit\nroma,A')).toBe(',');
    expect(detectSeparator('group\tunit\n')).toBe('\t');
  });

  it('reads quotes, separators in quotes, CRLF and a BOM', () => {
    const csv = parseCsv('\uFEFFskupina;škola\r\n"roma";"ZŠ ""Cejl""; Brno"\r\n\r\nostatní;B\r\n', true);
    expect(csv.header).toEqual(['skupina', 'škola']);
    expect(csv.records).toEqual([
      { line: 2, cells: ['roma', 'ZŠ "Cejl"; Brno'] },
      { line: 4, cells: ['ostatní', 'B'] },
    ]);
  });

  it('reads weights with a decimal comma and spaces', () => {
    expect(parseWeight('1,5')).toBe(1.5);
    expect(parseWeight('1 234')).toBe(1234);
    expect(parseWeight('2.25')).toBe(2.25);
    expect(parseWeight('abc')).toBeNull();
    expect(parseWeight('')).toBeNull();
    expect(parseWeight('-1')).toBe(-1);
  });

  it('sums rows per group and unit and remembers their lines', () => {
    const csv = parseCsv('g;u;w\nroma;A;2\nroma;A;3\nother;A;1\nother;B;x\n;B;1\n', true);
    const agg = aggregateRows(csv, { group: 0, unit: 1, weight: 2 });
    expect(agg.rows).toEqual([
      { group: 'roma', unit: 'A', weight: 5 },
      { group: 'other', unit: 'A', weight: 1 },
      { group: 'other', unit: 'B', weight: 1 },
    ]);
    expect(agg.lines).toEqual([[2, 3], [4], [5]]);
    expect(agg.problems).toEqual([
      { line: 5, problem: 'badWeight', value: 'x' },
      { line: 6, problem: 'emptyGroup', value: '' },
    ]);
    expect(agg.groups).toEqual(['other', 'roma']);
    expect(agg.units).toBe(2);
  });

  it('reads the server row field names', () => {
    expect(parseRowField('rows[12].weight')).toEqual({ index: 12, field: 'weight' });
    expect(parseRowField('rows[0]')).toEqual({ index: 0, field: null });
    expect(parseRowField('groups')).toBeNull();
  });
});
