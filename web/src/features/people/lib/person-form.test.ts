import { describe, expect, it } from 'vitest';
import { makePerson } from '@/testing/registry-fixtures';
import { buildPersonPatch, mergePersonEdits, toCreateBody, valuesFromPerson, type PersonFormValues } from './person-form';

const adultValues: PersonFormValues = {
  ...valuesFromPerson(makePerson()),
  role: 'adult',
  given_names: ' Marie ',
  surname: 'Dvořáková',
  birth_date: '1990-02-01',
  education_isced: '2',
  labour_status: 'long_term_unemployed',
  phones: '+420 777 1, +420 777 2\n',
  email: '',
  nationality: 'sk',
  rodne_cislo: '',
};

describe('person form bodies', () => {
  it('builds a create body: trimmed names, phones split, nationality upper-case, no rodné číslo when empty', () => {
    const body = toCreateBody(5, adultValues);
    expect(body).toMatchObject({
      family_id: 5,
      role: 'adult',
      given_names: 'Marie',
      nationality: 'SK',
      education_isced: 2,
      labour_status: 'long_term_unemployed',
      contact: { phones: ['+420 777 1', '+420 777 2'], email: null, preferred_language: 'cs', interpreter_needed: false },
    });
    expect(body).not.toHaveProperty('rodne_cislo');
    expect(body).not.toHaveProperty('confirm_not_duplicate');
    expect(toCreateBody(5, { ...adultValues, rodne_cislo: '900201/0000' }, true)).toMatchObject({ rodne_cislo: '900201/0000', confirm_not_duplicate: true });
  });

  it('leaves education and labour status out for a child', () => {
    const body = toCreateBody(5, { ...adultValues, role: 'child' });
    expect(body.education_isced).toBeNull();
    expect(body.labour_status).toBeNull();
  });

  it('patches only what changed, with the version', () => {
    const person = makePerson();
    const values = { ...valuesFromPerson(person), preferred_name: 'Janička', phones: '+420 600 000 000' };
    expect(buildPersonPatch(person, values)).toEqual({
      version: 2,
      preferred_name: 'Janička',
      contact: { phones: ['+420 600 000 000'], email: null, preferred_language: 'cs', interpreter_needed: false },
    });
    expect(buildPersonPatch(person, valuesFromPerson(person))).toEqual({ version: 2 });
  });

  it('merges my changes over the stored version after a conflict', () => {
    const base = makePerson();
    const theirs = makePerson({ version: 3, surname: 'Nová', nationality: 'UA' });
    const merged = mergePersonEdits(base, { ...valuesFromPerson(base), given_names: 'Johana' }, theirs);
    expect(merged.given_names).toBe('Johana');
    expect(merged.surname).toBe('Nová');
    expect(merged.nationality).toBe('UA');
  });
});
