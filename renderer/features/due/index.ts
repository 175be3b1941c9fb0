import { registerHeaderIndicator } from '../../app/indicators.js';
import { hasModifier, isTypingTarget, modalOpen } from '../../lib/keys.js';
import { useRoute } from '../../state/route.js';
import { registerSettingsSection } from '../settings/sections.js';
import { DueIndicator } from './DueIndicator.js';
import { DueSettings } from './DueSettings.js';
import './due.css';

registerHeaderIndicator({ id: 'due', order: 0, component: DueIndicator });
registerSettingsSection({
  id: 'due',
  title: 'Due reminders',
  order: 250,
  scopes: ['global'],
  component: DueSettings,
});

// "d" opens the Due view from anywhere outside a field or a dialog
window.addEventListener('keydown', (e) => {
  if (e.key !== 'd' || e.defaultPrevented || hasModifier(e) || e.shiftKey || isTypingTarget(e.target) || modalOpen())
    return;
  e.preventDefault();
  useRoute.getState().go({ name: 'due' });
});
