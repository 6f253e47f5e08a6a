// Which placeholders the server fills from the records (the person, the signing parent, the school,
// today's date) and which the worker types in the form.
export const automaticPlaceholders = new Set([
  'child_name',
  'child_birth_date',
  'child_address',
  'child_rodne_cislo',
  'parent_name',
  'parent_street',
  'parent_town',
  'parent_address',
  'school_name',
  'school_address',
  'school_founder',
  'education',
  'date',
  'place',
  'school_year',
]);

const schoolPlaceholders = new Set(['school_name', 'school_address', 'school_founder', 'education']);

/** The placeholders the worker fills in, in the template's order. */
export function typedPlaceholders(placeholders: readonly string[]): string[] {
  return placeholders.filter((p) => !automaticPlaceholders.has(p));
}

/** Whether the template names the school (so the form asks for one). */
export function needsSchool(placeholders: readonly string[]): boolean {
  return placeholders.some((p) => schoolPlaceholders.has(p));
}

/** Placeholders whose value is a date (typed with a date input, sent as YYYY-MM-DD). */
export function isDatePlaceholder(name: string): boolean {
  return name.endsWith('_on') || name.endsWith('_date');
}
