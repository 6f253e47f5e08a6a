// People chosen for an activity or a group: the chosen list with "remove", and a name search in the
// registry (no diacritics needed) whose results are added with one tap.
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { apiRequest } from '@/lib/api-client';
import { activityPersonSchema, personLabel, type ActivityPerson } from '../types';

export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ['activities', 'people-search', q],
    queryFn: ({ signal }) =>
      apiRequest('/people', z.object({ items: z.array(activityPersonSchema.passthrough()) }), {
        query: { q, page_size: 10 },
        signal,
      }),
    enabled: q.trim().length >= 2,
  });
}

type PersonPickerProps = {
  legend: string;
  chosen: ActivityPerson[];
  onChange: (next: ActivityPerson[]) => void;
  /** Server errors of single entries ("member_ids[2]" → index 2). */
  errorAt?: (index: number) => string | undefined;
  busy?: boolean;
  children?: ReactNode;
};

export function PersonPicker({ legend, chosen, onChange, errorAt, busy, children }: PersonPickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = usePeopleSearch(q);
  const results = (search.data?.items ?? []).filter((p) => !chosen.some((c) => c.id === p.id));
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {chosen.length === 0 ? <p>{t('activities.people.none')}</p> : null}
      <ul className="chosen-list">
        {chosen.map((p, i) => {
          const error = errorAt?.(i);
          return (
            <li key={p.id} className="chosen-list__item">
              <span className="chosen-list__name">{personLabel(p)}</span>
              <Button
                variant="ghost"
                disabled={busy}
                aria-label={t('activities.create.remove', { name: personLabel(p) })}
                onClick={() => onChange(chosen.filter((c) => c.id !== p.id))}
              >
                {t('activities.people.remove')}
              </Button>
              {error ? (
                <p className="field__error">
                  <span className="field__error-prefix">{t('form.errorPrefix')}</span> {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {children}
      <Field label={t('activities.create.findPerson')} hint={t('activities.people.hint')}>
        {(c) => <input {...c} className="input" value={q} onChange={(e) => setQ(e.target.value)} type="search" />}
      </Field>
      {q.trim().length >= 2 && search.isSuccess && results.length === 0 ? <p>{t('activities.people.noMatch')}</p> : null}
      <ul className="search-results">
        {results.map((p) => (
          <li key={p.id}>
            <Button variant="secondary" disabled={busy} onClick={() => onChange([...chosen, p])}>
              {t('activities.create.add', { name: personLabel(p) })}
            </Button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
