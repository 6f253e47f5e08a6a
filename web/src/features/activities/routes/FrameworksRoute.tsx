// Competence framework versions (read-only): domains, indicators and rubric levels in Czech and English.
// Coordinators and admins start a new version from the latest one; old versions stay as they were.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { useMe } from '@/features/auth/api/get-me';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useAllFrameworkVersions } from '../api/competences';
import { FrameworkEditor } from '../components/FrameworkEditor';
import '../activities.css';
import { localName, type Framework } from '../types';

function FrameworkVersion({ f }: { f: Framework }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const other = lang === 'en' ? 'cs' : 'en';
  return (
    <div className="framework">
      <table className="table table--compact">
        <caption>{t('activities.frameworks.levelsCaption', { version: f.version })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activities.frameworks.levelCol')}</th>
            <th scope="col">{t('activities.frameworks.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {f.levels.map((l) => (
            <tr key={l.level}>
              <th scope="row">
                {l.level} – {localName(l, lang)}
              </th>
              <td>
                {lang === 'en' ? l.description_en : l.description_cs}
                <br />
                <span className="framework__other" lang={other}>
                  {localName(l, other)}: {lang === 'en' ? l.description_cs : l.description_en}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {f.domains.map((d) => (
        <div key={d.code}>
          <h3 className="framework__domain">
            {localName(d, lang)} <span className="framework__other" lang={other}>({localName(d, other)})</span>
          </h3>
          <ul>
            {d.indicators.map((i) => (
              <li key={i.code}>
                {localName(i, lang)} <span className="framework__other" lang={other}>({localName(i, other)})</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function FrameworksRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const role = useMe().data?.role;
  const manages = role === 'coordinator' || role === 'admin';
  const all = useAllFrameworkVersions();
  const [editing, setEditing] = useState<string | null>(null);
  const codes = [...new Set((all.data?.items ?? []).map((f) => f.code))];
  return (
    <>
      <PageHeader title={t('activities.frameworks.title')} lead={t('activities.frameworks.lead')} />
      <p>
        <Link to="/activities">{t('activities.back')}</Link>
      </p>
      {all.isPending ? <Loading /> : null}
      {all.isError ? <ErrorAlert error={all.error} /> : null}
      {codes.map((code) => {
        const versions = (all.data?.items ?? []).filter((f) => f.code === code).sort((a, b) => b.version - a.version);
        const latest = versions[0]!;
        return (
          <section key={code} className="framework-section" aria-labelledby={`fw-${code}`}>
            <h2 id={`fw-${code}`}>
              {localName(latest, lang)} <span className="badge">{t('activities.frameworks.versions', { count: versions.length })}</span>
            </h2>
            {manages && editing !== code ? (
              <Button variant="secondary" onClick={() => setEditing(code)}>
                {t('activities.frameworks.newVersionOf', { name: localName(latest, lang) })}
              </Button>
            ) : null}
            {editing === code ? <FrameworkEditor latest={latest} onDone={() => setEditing(null)} /> : null}
            {versions.map((f, i) => (
              <details key={f.id} open={i === 0}>
                <summary>
                  {t('activities.frameworks.version', { version: f.version })}
                  {i === 0 ? ` · ${t('activities.frameworks.current')}` : ''}
                  {f.created_at ? ` · ${formatDate(f.created_at.slice(0, 10), lang)}` : ''}
                </summary>
                <FrameworkVersion f={f} />
              </details>
            ))}
          </section>
        );
      })}
    </>
  );
}
