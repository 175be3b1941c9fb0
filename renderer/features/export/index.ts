import { registerCaseTab } from '../case/tabs.js';
import { ExportTab } from './ExportTab.js';
import './export.css';

registerCaseTab({ id: 'export', label: 'Packet & LOA', order: 900, component: ExportTab });
