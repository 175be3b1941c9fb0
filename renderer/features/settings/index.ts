import { AgeLimitsSection } from './AgeLimitsSection.js';
import { registerSettingsSection } from './sections.js';
import { YouSection } from './YouSection.js';
import './settings.css';

registerSettingsSection({ id: 'you', title: 'You', order: 0, scopes: ['global'], component: YouSection });
registerSettingsSection({
  id: 'age-limits',
  title: 'Invoice and LOA age limits',
  order: 200,
  scopes: ['global', 'per-carrier', 'per-case'],
  component: AgeLimitsSection,
});
