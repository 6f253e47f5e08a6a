// Families and people as the registry API sends them, for unit tests.
import type { Family, FamilyListItem } from '@/features/families/types';
import type { Consent, Person, PersonSummary } from '@/features/people/types';
import { json, type MockReply } from './mock-server';

export const districts = json({
  items: [
    { code: 'brno-sever', name: 'Brno-sever' },
    { code: 'brno-stred', name: 'Brno-střed' },
  ],
});

export const teamsReply = json({ items: [{ id: 1, name: 'Sever' }, { id: 2, name: 'Střed' }] });

export function makeSummary(overrides: Partial<PersonSummary> = {}): PersonSummary {
  return {
    id: 11,
    role: 'child',
    given_names: 'Jana',
    surname: 'Dvořáková',
    preferred_name: null,
    birth_date: '2019-05-10',
    gender: 'female',
    ...overrides,
  };
}

export const mother = makeSummary({ id: 10, role: 'adult', given_names: 'Marie', surname: 'Dvořáková', birth_date: '1990-02-01' });
export const child = makeSummary();

export function makeFamily(overrides: Partial<Family> = {}): Family {
  return {
    id: 5,
    version: 3,
    name: 'Dvořákovi',
    team: 'Sever',
    keyworker: { id: 3, username: 'terenni' },
    status: 'active',
    closed_reason: null,
    address: { street: 'Cejl', house_number: '12', district: 'brno-sever', postal_code: '602 00', kod_adm: 21234567 },
    members: [mother, child],
    created_at: '2026-01-10T09:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

export function makeListItem(overrides: Partial<FamilyListItem> = {}): FamilyListItem {
  return {
    id: 5,
    name: 'Dvořákovi',
    district: 'brno-sever',
    status: 'active',
    keyworker: { id: 3, username: 'terenni' },
    team: 'Sever',
    members_count: 2,
    children_count: 1,
    member_names: ['Marie Dvořáková', 'Jana Dvořáková'],
    updated_at: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

export function listReply(items: FamilyListItem[], page = 1, total = items.length): MockReply {
  return json({ items, total, page, page_size: 25 });
}

export function makeConsent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: 40,
    purpose: 'casework',
    school: null,
    given_by: 'legal_representative',
    representative_id: 10,
    given_on: '2026-01-15',
    form: 'signed_paper',
    expires_on: null,
    withdrawn_on: null,
    status: 'valid',
    ...overrides,
  };
}

export function makePerson(overrides: Partial<Person> = {}): Person {
  return {
    id: 11,
    version: 2,
    family_id: 5,
    role: 'child',
    given_names: 'Jana',
    surname: 'Dvořáková',
    preferred_name: null,
    birth_date: '2019-05-10',
    gender: 'female',
    rodne_cislo: '195510/****',
    nationality: 'CZ',
    education_isced: null,
    labour_status: null,
    contact: { phones: ['+420 777 123 456'], email: null, preferred_language: 'cs', interpreter_needed: false },
    relationships: [{ id: 70, other_person_id: 10, other_name: 'Marie Dvořáková', type: 'mother', legal_representative: true }],
    participation: [
      {
        id: 80,
        version: 1,
        entry_date: '2026-02-01',
        exit_date: null,
        exit_reason: null,
        third_country_national: 'no',
        foreign_background: 'not_stated',
        housing_exclusion: 'yes',
        rural: 'no',
      },
    ],
    consents: [makeConsent()],
    special_category: null,
    special_category_visible: false,
    created_at: '2026-01-10T09:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}
