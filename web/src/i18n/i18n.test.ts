// Every string lives in both languages, and every key the code asks for exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { places } from '@/app/places';
import { schoolLevels, schoolStatuses } from '@/features/analytics/api/get-school-segregation';
import { measureKeys, mechanismKeys } from '@/features/analytics/api/simulate';
import { familySorts } from '@/features/families/api/get-families';
import { contactTypes, familyStatuses } from '@/features/families/types';
import * as people from '@/features/people/types';
import { serverErrorCodes } from '@/lib/api-error';
import { roles } from '@/types/user';
import { cs, duplicateTopLevelKeys, en, type Tree } from './resources';

function flatten(tree: Tree, prefix = ''): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKeys = (m: Map<string, unknown>) => new Set([...m.keys()].map((k) => k.replace(pluralSuffix, '')));

const csKeys = flatten(cs as Tree);
const enKeys = flatten(en as Tree);

function has(keys: Map<string, unknown>, key: string): boolean {
  return keys.has(key) || keys.has(`${key}_other`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('define each top-level key in one file only (base or a part)', () => {
    expect(duplicateTopLevelKeys('cs')).toEqual([]);
    expect(duplicateTopLevelKeys('en')).toEqual([]);
  });

  it('have the same keys in Czech and English (plural forms aside)', () => {
    expect([...baseKeys(csKeys)].sort()).toEqual([...baseKeys(enKeys)].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...csKeys, ...enKeys]) {
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) expect(v.trim(), key).not.toBe('');
    }
  });

  it('give Czech plurals all the forms Czech needs', () => {
    for (const key of csKeys.keys()) {
      if (!key.endsWith('_other')) continue;
      const base = key.replace(/_other$/, '');
      for (const form of ['one', 'few', 'many']) expect(csKeys.has(`${base}_${form}`), `${base}_${form}`).toBe(true);
    }
  });

  it('cover every key the source code names literally', () => {
    const root = join(__dirname, '..');
    const keyPattern = /(?:\bt\(\s*|message:\s*|\.(?:min|max|regex)\([^,]+,\s*|\.refine\([^']*?,\s*)'([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)'/g;
    const missing: string[] = [];
    let found = 0;
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(keyPattern)) {
        const key = match[1] ?? '';
        if (key.startsWith('@/') || key.includes('/')) continue;
        found += 1;
        if (!has(csKeys, key)) missing.push(`cs: ${key} (${file})`);
        if (!has(enKeys, key)) missing.push(`en: ${key} (${file})`);
      }
    }
    expect(found).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('cover the keys the code builds from data', () => {
    const built = [
      ...roles.map((r) => `roles.${r}`),
      ...places.map((p) => `places.${p.key}.name`),
      ...places.map((p) => `places.${p.key}.purpose`),
      ...places.filter((p) => p.key !== 'admin').map((p) => `places.${p.key}.planned`),
      ...serverErrorCodes.map((c) => `errors.code.${c}`),
      ...familyStatuses.map((v) => `families.status.${v}`),
      ...contactTypes.map((v) => `families.contactType.${v}`),
      ...familySorts.map((v) => `families.list.sortBy.${v}`),
      ...people.personRoles.map((v) => `people.role.${v}`),
      ...people.genders.map((v) => `people.gender.${v}`),
      ...people.labourStatuses.map((v) => `people.labourStatus.${v}`),
      ...people.contactLanguages.map((v) => `people.language.${v}`),
      ...people.relationshipTypes.map((v) => `people.relationship.type.${v}`),
      ...people.yesNoNotStated.map((v) => `people.yesNo.${v}`),
      ...people.participationFlags.map((v) => `people.participation.flag.${v}`),
      ...people.consentPurposes.map((v) => `people.consent.purpose.${v}`),
      ...people.consentStatuses.map((v) => `people.consent.status.${v}`),
      ...people.consentForms.map((v) => `people.consent.form.${v}`),
      ...people.consentGivers.map((v) => `people.consent.givenBy.${v}`),
      ...people.specialCategories.map((v) => `people.special.category.${v}`),
      ...people.specialValues.map((v) => `people.special.value.${v}`),
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((v) => `people.isced.${v}`),
      ...['format', 'date', 'nineDigitsAfter1953', 'checksum', 'birthDateMismatch'].map((v) => `people.validation.rc.${v}`),
      ...mechanismKeys.flatMap((m) => [`analytics.mechanism.${m}.name`, `analytics.mechanism.${m}.about`]),
      ...measureKeys.flatMap((m) => ['short', 'name', 'about'].map((k) => `analytics.measure.${m}.${k}`)),
      ...['lower', 'higher', 'lowerSentence', 'higherSentence'].map((v) => `analytics.better.${v}`),
      ...schoolStatuses.map((v) => `analytics.schools.statuses.${v}`),
      ...schoolLevels.map((v) => `analytics.schools.levels.${v}`),
      ...['schools', 'simulator', 'segregation'].map((v) => `analytics.tabs.${v}`),
      ...['emptyGroup', 'emptyUnit', 'badWeight', 'negativeWeight'].map((v) => `analytics.segregation.problem.${v}`),
      ...['unassigned', 'D', 'first_choice_share', 'distance', 'spread'].map((v) => `analytics.simulator.noteKey.${v}`),
      'errors.code.network_error',
      'errors.code.bad_response',
    ];
    for (const key of built) {
      expect(has(csKeys, key), `cs ${key}`).toBe(true);
      expect(has(enKeys, key), `en ${key}`).toBe(true);
    }
  });
});
