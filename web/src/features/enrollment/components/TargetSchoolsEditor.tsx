// Target schools in order of the family's preference: add from the schools list, move up or down,
// remove, save with the case's version. A stale version (someone saved first) keeps this list and
// offers to reload; the server's error on target_school_ids appears at the list.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { useSchools } from '@/features/schools/api/schools';
import { isApiError } from '@/lib/api-error';
import { useUpdateCase } from '../api/open-case';
import type { EnrollmentCase } from '../types';

type Ref = { id: number; izo: string; name: string; type: string };

const MAX_TARGETS = 10;

/** The school types that fit a level (the server checks the same). */
export function typesForLevel(level: string): string[] {
  if (level === 'ms') return ['ms'];
  if (level === 'compulsory_preschool') return ['ms', 'preparatory_class'];
  return ['zs', 'zs_16_9'];
}

export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

type Props = { enrollment: EnrollmentCase; onReload: () => void; onCancel: () => void; onSaved: () => void };

export function TargetSchoolsEditor({ enrollment, onReload, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const [list, setList] = useState<Ref[]>(() => enrollment.target_schools.filter((s): s is Ref => s !== null));
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const mutation = useUpdateCase(enrollment.id);
  const types = typesForLevel(enrollment.level);
  const schools = useSchools({ q, type: types.length === 1 ? types[0]! : '', district: '', status: '', page: 1, page_size: 10 });
  const found = (schools.data?.items ?? []).filter((s) => types.includes(s.type) && !list.some((l) => l.id === s.id));
  const conflict = isApiError(mutation.error) && mutation.error.code === 'conflict';
  const listError = isApiError(mutation.error) ? mutation.error.fields.find((f) => f.field === 'target_school_ids')?.message : undefined;

  const save = () =>
    mutation.mutate({ version: enrollment.version, target_school_ids: list.map((s) => s.id) }, { onSuccess: onSaved });

  return (
    <div className="target-editor">
      {conflict ? (
        <Alert tone="warning" title={t('enrollment.targets.conflictTitle')}>
          <p>{t('enrollment.targets.conflictBody')}</p>
          <Button variant="secondary" onClick={onReload}>
            {t('enrollment.form.reload')}
          </Button>
        </Alert>
      ) : mutation.error && !listError ? (
        <ErrorAlert error={mutation.error} />
      ) : null}
      <div className={listError ? 'field field--invalid' : 'field'}>
        <p className="field__label" id="targets-list-label">
          {t('enrollment.targets.order')}
        </p>
        {list.length === 0 ? <p className="muted">{t('enrollment.pathway.noTargets')}</p> : null}
        <ol className="target-list" aria-labelledby="targets-list-label">
          {list.map((s, i) => (
            <li key={s.id} className="target-list__item">
              <span className="target-list__name">
                {i + 1}. {s.name}
              </span>
              <span className="target-list__actions">
                <Button
                  variant="ghost"
                  className="btn--small"
                  disabled={i === 0}
                  onClick={() => setList(move(list, i, -1))}
                  aria-label={t('enrollment.targets.up', { name: s.name })}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  className="btn--small"
                  disabled={i === list.length - 1}
                  onClick={() => setList(move(list, i, 1))}
                  aria-label={t('enrollment.targets.down', { name: s.name })}
                >
                  ↓
                </Button>
                <Button
                  variant="ghost"
                  className="btn--small"
                  onClick={() => setList(list.filter((x) => x.id !== s.id))}
                  aria-label={t('enrollment.targets.remove', { name: s.name })}
                >
                  ✕
                </Button>
              </span>
            </li>
          ))}
        </ol>
        {listError ? (
          <p className="field__error">
            <span className="field__error-prefix">{t('form.errorPrefix')}</span> {listError}
          </p>
        ) : null}
      </div>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(typed.trim());
        }}
      >
        <Field label={t('enrollment.targets.search')} hint={t(`enrollment.targets.searchHint.${enrollment.level}`)}>
          {(control) => <input {...control} className="input" value={typed} onChange={(e) => setTyped(e.target.value)} />}
        </Field>
        <Button type="submit" variant="secondary">
          {t('enrollment.open.search')}
        </Button>
      </form>
      {found.length > 0 ? (
        <ul className="plain-list pick-list" aria-label={t('enrollment.targets.found')}>
          {found.map((s) => (
            <li key={s.id}>
              <Button
                variant="secondary"
                className="btn--small"
                disabled={list.length >= MAX_TARGETS}
                onClick={() => setList([...list, { id: s.id, izo: s.izo, name: s.name, type: s.type }])}
                aria-label={t('enrollment.targets.add', { name: s.name })}
              >
                + {s.name}
              </Button>
              {s.district ? <span className="muted small"> · {s.district}</span> : null}
            </li>
          ))}
        </ul>
      ) : schools.isSuccess && q ? (
        <p className="muted">{t('enrollment.targets.noneFound')}</p>
      ) : null}
      <div className="form__actions">
        <Button onClick={save} busy={mutation.isPending}>
          {t('enrollment.targets.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
          {t('enrollment.targets.cancel')}
        </Button>
      </div>
    </div>
  );
}
