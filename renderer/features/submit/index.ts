import { registerHeaderIndicator } from '../../app/indicators.js';
import { registerCaseTab } from '../case/tabs.js';
import { registerSettingsSection } from '../settings/sections.js';
import { PortingIndicator } from './PortingIndicator.js';
import { PortingSettings } from './PortingSettings.js';
import { SubmitTab } from './SubmitTab.js';
import './submit.css';

registerCaseTab({
  id: 'submit',
  label: 'Submission',
  order: 800,
  component: SubmitTab,
  badge: (rec) => (rec.status === 'exception' ? '!' : null),
});
registerHeaderIndicator({ id: 'porting', order: 10, component: PortingIndicator });
registerSettingsSection({
  id: 'porting',
  title: 'Porting API, simulator and outbox',
  order: 100,
  scopes: ['global'],
  component: PortingSettings,
});
