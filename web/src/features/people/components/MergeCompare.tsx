// Two records side by side before a merge: what stays (the record whose page this is) and what is
// merged into it. Rows that differ say so in words, not by colour alone.
import { useTranslation } from 'react-i18next';
import { useFamily } from '@/features/families/api/get-family';
import { formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import type { Person } from '../types';

type Row = { label: string; keep: string; merge: string; /** Always differs; not marked. */ plain?: boolean };

export function MergeCompare({ keep, merge }: { keep: Person; merge: Person }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const keepFamily = useFamily(keep.family_id);
  const mergeFamily = useFamily(merge.family_id);
  const none = '—';
  const familyName = (p: Person, name: string | undefined) => name ?? t('registryExtra.merge.familyNo', { id: p.family_id });
  const rows: Row[] = [
    { label: t('registryExtra.merge.row.record'), keep: `#${keep.id}`, merge: `#${merge.id}`, plain: true },
    { label: t('people.givenNames'), keep: keep.given_names, merge: merge.given_names },
    { label: t('people.surname'), keep: keep.surname, merge: merge.surname },
    { label: t('people.preferredName'), keep: keep.preferred_name ?? none, merge: merge.preferred_name ?? none },
    { label: t('people.birthDate'), keep: formatIsoDate(keep.birth_date, lang), merge: formatIsoDate(merge.birth_date, lang) },
    { label: t('people.genderLabel'), keep: t(`people.gender.${keep.gender}`), merge: t(`people.gender.${merge.gender}`) },
    { label: t('people.rodneCislo'), keep: keep.rodne_cislo ?? none, merge: merge.rodne_cislo ?? none },
    {
      label: t('registryExtra.merge.row.family'),
      keep: familyName(keep, keepFamily.data?.name),
      merge: familyName(merge, mergeFamily.data?.name),
    },
    { label: t('people.phones'), keep: keep.contact.phones.join(', ') || none, merge: merge.contact.phones.join(', ') || none },
    {
      label: t('registryExtra.merge.row.relationships'),
      keep: String(keep.relationships.length),
      merge: String(merge.relationships.length),
    },
    { label: t('registryExtra.merge.row.consents'), keep: String(keep.consents.length), merge: String(merge.consents.length) },
    {
      label: t('registryExtra.merge.row.participation'),
      keep: String(keep.participation.length),
      merge: String(merge.participation.length),
    },
  ];
  return (
    <div className="table-scroll">
      <table className="table table--compact compare">
        <caption className="visually-hidden">{t('registryExtra.merge.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('registryExtra.merge.keepColumn')}</th>
            <th scope="col">{t('registryExtra.merge.mergeColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const differs = !row.plain && row.keep !== row.merge;
            return (
              <tr key={row.label} className={differs ? 'compare__differs' : undefined}>
                <th scope="row">{row.label}</th>
                <td>{row.keep}</td>
                <td>
                  {row.merge}
                  {differs ? <span className="small"> ({t('conflict.differs')})</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
