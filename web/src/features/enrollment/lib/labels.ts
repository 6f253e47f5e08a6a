// Small display helpers shared by the enrollment screens.
import type { TFunction } from 'i18next';
import type { AppLanguage } from '@/lib/format';
import { formatIsoDate } from '@/lib/format';
import type { ComputedDate, EnrollmentStage } from '../types';
import { enrollmentStages } from '../types';

export function stageLabel(t: TFunction, stage: string): string {
  return t(`enrollment.stage.${stage}`);
}

/** The stage a worker most likely records next. */
export function nextStage(current: EnrollmentStage, decision: string | null): EnrollmentStage {
  if (current === 'delivery' && decision !== 'not_admitted') return 'started_attending';
  if (current === 'attending_12_months') return current;
  return enrollmentStages[enrollmentStages.indexOf(current) + 1] ?? current;
}

export function basisIn(lang: AppLanguage, d: { basis: string; basis_en: string }): string {
  return lang === 'cs' ? d.basis : d.basis_en;
}

export function dateLine(d: ComputedDate, lang: AppLanguage): string {
  return formatIsoDate(d.date, lang);
}
