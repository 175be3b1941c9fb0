import { registerCaseTab } from '../case/tabs.js';
import { ReviewTab } from './ReviewTab.js';
// the evidence view reuses the Documents tab's page view and its styles
import '../documents/documents.css';
import './review.css';

registerCaseTab({ id: 'review', label: 'Review', order: 200, component: ReviewTab });
