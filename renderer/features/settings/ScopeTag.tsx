import type { SettingScope } from './sections.js';

const LABEL: Record<SettingScope, { text: string; title: string }> = {
  global: { text: 'Global', title: 'Applies to every case' },
  'per-carrier': { text: 'Per carrier', title: 'Applies to the cases of one losing carrier' },
  'per-case': { text: 'Per case', title: 'Applies to one case only' },
};

/** Says where a setting applies: every setting on the Settings page carries one. */
export function ScopeTag({ scope }: { scope: SettingScope }) {
  return (
    <span className={`scope-tag scope-${scope}`} title={LABEL[scope].title} data-scope={scope}>
      {LABEL[scope].text}
    </span>
  );
}
