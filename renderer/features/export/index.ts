import { registerCaseTab } from '../case/tabs.js';
import { registerSettingsSection } from '../settings/sections.js';
import { ExportTab } from './ExportTab.js';
import { PacketsSettings } from './SettingsSection.js';
import './export.css';

registerCaseTab({ id: 'export', label: 'Packet & LOA', order: 900, component: ExportTab });
registerSettingsSection({
  id: 'packets',
  title: 'Packets and LOAs',
  order: 300,
  scopes: ['global'],
  component: PacketsSettings,
});
