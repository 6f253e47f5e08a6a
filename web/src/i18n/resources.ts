// All translations: the base files (cs.json, en.json) plus one pair per feature area in parts/
// (parts/<area>.cs.json, parts/<area>.en.json), each holding its own top-level keys. Splitting keeps
// feature work from colliding in one big file; a key defined twice is a mistake the test reports.
import csBase from './cs.json';
import enBase from './en.json';

export type Tree = { [key: string]: string | string[] | Tree };

const partFiles = import.meta.glob<Tree>('./parts/*.json', { eager: true, import: 'default' });

function parts(lang: 'cs' | 'en'): Array<[string, Tree]> {
  return Object.entries(partFiles)
    .filter(([path]) => path.endsWith(`.${lang}.json`))
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Top-level keys defined by more than one file (the base or a part). */
export function duplicateTopLevelKeys(lang: 'cs' | 'en'): string[] {
  const seen = new Set(Object.keys(lang === 'cs' ? csBase : enBase));
  const dup: string[] = [];
  for (const [, tree] of parts(lang)) {
    for (const key of Object.keys(tree)) {
      if (seen.has(key)) dup.push(key);
      seen.add(key);
    }
  }
  return dup;
}

function merged(base: Tree, lang: 'cs' | 'en'): Tree {
  const out: Tree = { ...base };
  for (const [, tree] of parts(lang)) Object.assign(out, tree);
  return out;
}

export const cs: Tree = merged(csBase as Tree, 'cs');
export const en: Tree = merged(enBase as Tree, 'en');
