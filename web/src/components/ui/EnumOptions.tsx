// <option>s for a fixed list of values, each labelled by the translation `${prefix}.${value}`.
import { useTranslation } from 'react-i18next';

type EnumOptionsProps = {
  values: readonly string[];
  prefix: string;
  /** Label of an empty first option; none when undefined. */
  emptyLabel?: string;
};

export function EnumOptions({ values, prefix, emptyLabel }: EnumOptionsProps) {
  const { t } = useTranslation();
  return (
    <>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${prefix}.${v}`)}
        </option>
      ))}
    </>
  );
}
