import { DetailsForm } from './DetailsForm.js';
import { HistoryTab } from './HistoryTab.js';
import { registerCaseTab } from './tabs.js';

registerCaseTab({ id: 'details', label: 'Details', order: 0, component: DetailsForm });
registerCaseTab({ id: 'history', label: 'History', order: 1000, component: HistoryTab });
