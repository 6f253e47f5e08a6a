// Zápis windows per school year (data, not code: the law moved MŠ zápis in 2026). Everyone sees them;
// a coordinator changes a window (with the version read: a stale one → 409, reloaded and said so) or adds
// the window of another school year.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { Loading } from '@/components/ui/Loading';
import { fieldErrorText } from '@/components/ui/field-error';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { formatIsoDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { usePutZapisWindow, useZapisWindows } from '../api/settings';
import { currentSchoolYearStart, zapisWindowFormSchema, type ZapisWindowFormValues } from '../lib/forms';
import { schoolYearLabel, zapisLevels, type ZapisLevel, type ZapisWindow } from '../types';

type Props = {
  /** Only this level's windows (a school's page); all levels when undefined. */
  level?: ZapisLevel;
  mayEdit: boolean;
  headingLevel?: 2 | 3;
  /** How many school years around the coming zápis to show at first (all on request). */
  around: number;
  /** Offer adding the window of a school year that has none. */
  mayAdd?: boolean;
};

export function ZapisWindowsSection({ level, mayEdit, headingLevel = 2, around, mayAdd = false }: Props) {
  const { t } = useTranslation();
  const windows = useZapisWindows();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const next = currentSchoolYearStart();
  const all = (windows.data ?? [])
    .filter((w) => level === undefined || w.level === level)
    .sort((a, b) => b.school_year - a.school_year || a.level.localeCompare(b.level));
  const items = showAll ? all : all.filter((w) => Math.abs(w.school_year - next) <= around);
  const key = (w: ZapisWindow) => `${w.level}-${w.school_year}`;
  return (
    <section className="section" aria-labelledby="zapis-title">
      <Heading id="zapis-title">{level ? t(`schools.zapis.titleLevel.${level}`) : t('schools.zapis.title')}</Heading>
      <p className="small muted">{t('schools.zapis.explain')}</p>
      {windows.isPending ? <Loading /> : null}
      {windows.isError ? <ErrorAlert error={windows.error} /> : null}
      {saved ? <Alert tone="success" title={t('schools.zapis.saved', { what: saved })} /> : null}
      {windows.isSuccess && items.length === 0 ? <p>{t('schools.zapis.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="table table--compact table--stack zapis-table">
            <caption className="visually-hidden">{t('schools.zapis.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schools.zapis.schoolYear')}</th>
                {level ? null : <th scope="col">{t('schools.zapis.level')}</th>}
                <th scope="col">{t('schools.zapis.window')}</th>
                <th scope="col">{t('schools.zapis.changed')}</th>
                {mayEdit ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((w) =>
                editing === key(w) ? (
                  <tr key={key(w)}>
                    <td colSpan={level ? 4 : 5}>
                      <ZapisWindowForm
                        level={w.level}
                        schoolYear={w.school_year}
                        existing={w}
                        onDone={(stored) => {
                          setEditing(null);
                          setSaved(`${t(`schools.zapis.levelName.${stored.level}`)} ${stored.school_year_label}`);
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <WindowRow
                    key={key(w)}
                    window={w}
                    showLevel={!level}
                    mayEdit={mayEdit}
                    onEdit={() => {
                      setSaved(null);
                      setEditing(key(w));
                    }}
                  />
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {all.length > items.length || showAll ? (
        <p>
          <Button variant="ghost" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
            {showAll ? t('schools.zapis.showNear') : t('schools.zapis.showAll', { count: all.length })}
          </Button>
        </p>
      ) : null}
      {mayEdit && mayAdd && windows.isSuccess ? (
        <details className="school-form">
          <summary>{t('schools.zapis.add')}</summary>
          <ZapisWindowForm
            level={level}
            taken={(windows.data ?? []).map((w) => `${w.level}-${w.school_year}`)}
            onDone={(stored) => setSaved(`${t(`schools.zapis.levelName.${stored.level}`)} ${stored.school_year_label}`)}
          />
        </details>
      ) : null}
    </section>
  );
}

function WindowRow({ window: w, showLevel, mayEdit, onEdit }: { window: ZapisWindow; showLevel: boolean; mayEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <tr>
      <th scope="row">{w.school_year_label}</th>
      {showLevel ? <td data-label={t('schools.zapis.level')}>{t(`schools.zapis.levelName.${w.level}`)}</td> : null}
      <td data-label={t('schools.zapis.window')} className="nowrap">
        {formatIsoDate(w.from, lang)} – {formatIsoDate(w.to, lang)}
      </td>
      <td data-label={t('schools.zapis.changed')} className="small">{w.updated_by ? t('schools.zapis.changedBy', { name: w.updated_by }) : '—'}</td>
      {mayEdit ? (
        <td>
          <Button variant="secondary" className="btn--small" onClick={onEdit}>
            {t('schools.zapis.edit', { what: `${t(`schools.zapis.levelName.${w.level}`)} ${w.school_year_label}` })}
          </Button>
        </td>
      ) : null}
    </tr>
  );
}

type FormProps = {
  level?: ZapisLevel;
  schoolYear?: number;
  existing?: ZapisWindow;
  /** "level-year" of the windows that exist (a new one is offered only for the other years). */
  taken?: string[];
  onDone: (stored: ZapisWindow) => void;
  onCancel?: () => void;
};

function ZapisWindowForm({ level, schoolYear, existing, taken = [], onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const mutation = usePutZapisWindow();
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const next = currentSchoolYearStart();
  const [pickLevel, setPickLevel] = useState<ZapisLevel>(existing?.level ?? level ?? 'zs');
  const freeYears = Array.from({ length: 18 }, (_, i) => next - 5 + i).filter((y) => !taken.includes(`${pickLevel}-${y}`));
  const [chosenYear, setPickYear] = useState<number | null>(existing?.school_year ?? schoolYear ?? null);
  const pickYear = chosenYear !== null && (existing || freeYears.includes(chosenYear)) ? chosenYear : (freeYears[0] ?? next);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ZapisWindowFormValues>({
    resolver: zodResolver(zapisWindowFormSchema),
    defaultValues: { from: existing?.from ?? '', to: existing?.to ?? '' },
  });
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    mutation.mutate(
      { level: pickLevel, schoolYear: pickYear, body: { from: v.from, to: v.to, ...(existing ? { version: existing.version } : {}) } },
      {
        onSuccess: onDone,
        onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, ['from', 'to'] as const)),
      },
    );
  });
  const conflict = isApiError(mutation.error) && mutation.error.code === 'conflict';
  const title = existing
    ? t('schools.zapis.editTitle', { what: `${t(`schools.zapis.levelName.${existing.level}`)} ${existing.school_year_label}` })
    : t('schools.zapis.add');
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={title}>
      {conflict ? (
        <Alert tone="warning" title={t('schools.zapis.conflictTitle')}>
          <p>{t('schools.zapis.conflictBody')}</p>
        </Alert>
      ) : (
        <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      )}
      {existing ? null : (
        <div className="form__row">
          {level ? null : (
            <Field label={t('schools.zapis.level')} required>
              {(control) => (
                <select {...control} className="input" value={pickLevel} onChange={(e) => setPickLevel(e.target.value as ZapisLevel)}>
                  {zapisLevels.map((l) => (
                    <option key={l} value={l}>
                      {t(`schools.zapis.levelName.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label={t('schools.zapis.schoolYear')} required>
            {(control) => (
              <select {...control} className="input" value={pickYear} onChange={(e) => setPickYear(Number(e.target.value))}>
                {freeYears.map((y) => (
                  <option key={y} value={y}>
                    {schoolYearLabel(y)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      <div className="form__row">
        <Field label={t('schools.zapis.from')} required error={fieldErrorText(errors.from, t)}>
          {(control) => <input {...control} {...register('from')} className="input" type="date" />}
        </Field>
        <Field label={t('schools.zapis.to')} required error={fieldErrorText(errors.to, t)}>
          {(control) => <input {...control} {...register('to')} className="input" type="date" />}
        </Field>
      </div>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('schools.zapis.submit')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
