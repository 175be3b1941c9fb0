import { registerHeaderIndicator } from '../../app/indicators.js';
import { useRoute } from '../../state/route.js';
import { toast } from '../../state/toasts.js';
import { registerCaseTab } from '../case/tabs.js';
import { DocumentsTab, filesOf, hasFiles } from './DocumentsTab.js';
import { ReadingIndicator } from './ReadingIndicator.js';
import { useDocuments } from './state.js';
import './documents.css';

registerCaseTab({ id: 'documents', label: 'Documents', order: 100, component: DocumentsTab });
registerHeaderIndicator({ id: 'documents-reading', order: 50, component: ReadingIndicator });

/**
 * Files dropped anywhere on a case page are attached to that case (the Documents tab handles its
 * own drops first). Elsewhere a drop does nothing: a browser would otherwise open the file in place
 * of PortDesk.
 */
window.addEventListener('dragover', (e) => {
  if (!hasFiles(e) || e.defaultPrevented) return; // another drop zone (the tab, a CSV import) decides
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = useRoute.getState().route.name === 'case' ? 'copy' : 'none';
});
window.addEventListener('drop', (e) => {
  if (!hasFiles(e) || e.defaultPrevented) return; // the Documents tab took it
  e.preventDefault();
  const route = useRoute.getState().route;
  if (route.name !== 'case') {
    toast.info('Open a case to attach documents to it.');
    return;
  }
  const files = filesOf(e);
  if (files.length === 0) return;
  toast.info(
    `Attaching ${files.length === 1 ? files[0]!.name : `${files.length} files`} to case ${route.id}: see the Documents tab.`,
  );
  void useDocuments.getState().attach(route.id, files);
});
