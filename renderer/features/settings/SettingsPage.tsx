import { useEffect } from 'react';
import { useRoute } from '../../state/route.js';
import { ScopeTag } from './ScopeTag.js';
import { useSettingsSections } from './sections.js';

/** Every setting in one place, section by section; the route may point at one section and at a case. */
export function SettingsPage({ section, caseId }: { section?: string | undefined; caseId?: number | undefined }) {
  const sections = useSettingsSections();
  const go = useRoute((s) => s.go);
  useEffect(() => {
    if (section) document.getElementById(`settings-${section}`)?.scrollIntoView({ block: 'start' });
  }, [section, sections.length]);
  return (
    <main className="settings-page" data-testid="settings-page">
      <div className="settings-head">
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => (caseId ? go({ name: 'case', id: caseId }) : go({ name: 'queue' }))}
        >
          {caseId ? `← Case ${caseId}` : '← Queue'}
        </button>
        <h1>Settings</h1>
      </div>
      <nav className="settings-nav" aria-label="Settings sections">
        {sections.map((s) => (
          <a key={s.id} href={`#/settings/${s.id}${caseId ? `/case/${caseId}` : ''}`}>
            {s.title}
          </a>
        ))}
      </nav>
      {sections.map(({ id, title, scopes, component: Section }) => (
        <section
          key={id}
          id={`settings-${id}`}
          className={`settings-section${id === section ? ' settings-current' : ''}`}
          data-testid={`settings-${id}`}
          aria-labelledby={`settings-${id}-title`}
        >
          <h2 id={`settings-${id}-title`} className="settings-title">
            {title}{' '}
            {scopes.map((s) => (
              <ScopeTag key={s} scope={s} />
            ))}
          </h2>
          <Section caseId={caseId ?? null} />
        </section>
      ))}
    </main>
  );
}
