// Who the person is at a glance: role, age (from the birth date), gender.
import { useTranslation } from 'react-i18next';
import { ageInYears } from '@/lib/dates';
import { formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import type { PersonSummary } from '../types';

export function AgeText({ birthDate }: { birthDate: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const age = ageInYears(birthDate);
  return (
    <span title={formatIsoDate(birthDate, lang)}>
      {age === null ? t('people.ageUnknown') : t('people.age', { count: age })}
    </span>
  );
}

/** A span, so it fits in a page lead or a paragraph. */
export function PersonLine({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <span className="person-line">
      {t(`people.role.${person.role}`)}
      {' · '}
      <AgeText birthDate={person.birth_date} />
      {' · '}
      {t('people.bornOn', { date: formatIsoDate(person.birth_date, lang) })}
      {' · '}
      {t(`people.gender.${person.gender}`)}
    </span>
  );
}
