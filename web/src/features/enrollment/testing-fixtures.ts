// Enrollment records for unit tests (plainly fictional).
import type { EnrollmentCase, EnrollmentListItem, Pathway, Task } from './types';

export function makeCase(overrides: Partial<EnrollmentCase> = {}): EnrollmentCase {
  return {
    id: 7,
    version: 3,
    child: { person_id: 10, given_names: 'Šimon', surname: 'Vzorový', initials: 'Š. V.', birth_date: '2020-03-14' },
    family_id: 5,
    team: 'Sever',
    keyworker: { id: 3, username: 'terenni' },
    school_year: 2026,
    school_year_label: '2026/27',
    level: 'zs',
    stage: 'delivery',
    notes: null,
    deferral_considered: false,
    catchment_school: { id: 2, izo: '999000102', name: 'ZŠ Vzorová 12 (fiktivní)', type: 'zs' },
    target_schools: [{ id: 1, izo: '999000101', name: 'ZŠ Ukázková 1 (fiktivní)', type: 'zs' }],
    application: { date: '2026-04-10', number: 'ZS-2026-0042', channel: 'portal', school: null },
    zapis_date: '2026-04-14',
    decision: { decision: 'not_admitted', date: '2026-04-15', school: { id: 1, izo: '999000101', name: 'ZŠ Ukázková 1 (fiktivní)', type: 'zs' } },
    delivery: { method: 'in_person', date: '2026-04-16', collected_date: null, delivered_on: '2026-04-16' },
    appeal: { deadline: '2026-05-04', filed_date: null, late: false, outcome: null, outcome_date: null },
    attendance: {
      started_date: null,
      school: null,
      check_3_date: null,
      check_3_attending: null,
      check_12_date: null,
      check_12_attending: null,
    },
    outcome: { enrolled_school: null, segregation_status: null, enrolled_non_segregated: null },
    events: [],
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-04-16T10:00:00Z',
    ...overrides,
  };
}

export function makePathway(c: EnrollmentCase = makeCase()): Pathway {
  return {
    case: c,
    zapis_window: { level: 'zs', from: '2026-04-01', to: '2026-04-30', is_default: false },
    stages: [
      { stage: 'preparation', reached: true, date: '2026-03-01' },
      { stage: 'application_filed', reached: true, date: '2026-04-10' },
      { stage: 'zapis_attended', reached: true, date: '2026-04-14' },
      { stage: 'decision', reached: true, date: '2026-04-15' },
      { stage: 'delivery', reached: true, date: '2026-04-16' },
      { stage: 'appeal', reached: false, date: null },
      { stage: 'started_attending', reached: false, date: null },
      { stage: 'attending_3_months', reached: false, date: null },
      { stage: 'attending_12_months', reached: false, date: null },
    ],
    dates: [
      {
        key: 'appeal_deadline',
        date: '2026-05-04',
        basis: 'Odvolání k řediteli školy: 15 dní od doručení 16. 4. 2026 (§ 83 odst. 1 a § 40 odst. 1 správního řádu)',
        basis_en: 'Appeal: 15 days from delivery on 16 Apr 2026 (s. 83(1) and s. 40(1))',
        disputed: false,
      },
      {
        key: 'delivered',
        date: '2026-04-26',
        basis: 'Písemnost uložena 16. 4. 2026 a nevyzvednuta (§ 24 odst. 1 správního řádu)',
        basis_en: 'Postal item deposited on 16 Apr 2026 (s. 24(1))',
        disputed: true,
        alternative: '2026-04-27',
      },
    ],
    delivery: null,
    appeal: null,
    tasks: [{ kind: 'appeal_deadline', due_date: '2026-05-04', title: 'Poslední den k odvolání', title_en: 'Last day to appeal' }],
  };
}

export function makeListItem(overrides: Partial<EnrollmentListItem> = {}): EnrollmentListItem {
  return {
    id: 7,
    version: 3,
    child: { person_id: 10, given_names: 'Šimon', surname: 'Vzorový', initials: 'Š. V.', birth_date: '2020-03-14' },
    family_id: 5,
    school_year: 2026,
    level: 'zs',
    stage: 'delivery',
    decision: 'not_admitted',
    appeal_deadline: '2026-05-04',
    appeal_late: false,
    first_target: { id: 1, izo: '999000101', name: 'ZŠ Ukázková 1 (fiktivní)', type: 'zs' },
    catchment_school: null,
    updated_at: '2026-04-16T10:00:00Z',
    ...overrides,
  };
}

export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 31,
    version: 1,
    case_id: 7,
    kind: 'check_3_months',
    title: 'Kontrola docházky po 3 měsících',
    title_en: 'Attendance check after 3 months',
    due_date: '2026-11-27',
    status: 'open',
    assignee: { id: 3, username: 'terenni' },
    child: { person_id: 10, name: 'Šimon Vzorový', initials: 'Š. V.' },
    school_year: 2026,
    level: 'zs',
    done_at: null,
    done_by: null,
    ...overrides,
  };
}
