import { useDialogs } from '../state/dialogs.js';
import { Modal } from './Modal.js';

const SHORTCUTS: [string[], string][] = [
  [['↑', '↓'], 'Move the selection in the queue (also k / j)'],
  [['Enter'], 'Open the selected case'],
  [['/'], 'Search (Escape leaves the search box)'],
  [['n'], 'New case'],
  [['d'], 'What is due (FOCs, document ages, stalled orders)'],
  [['Ctrl', 'S'], 'Save the open case (⌘S on a Mac)'],
  [['Esc'], 'Back to the queue (Backspace too, outside a field)'],
  [['Ctrl', ','], 'Settings (⌘, on a Mac)'],
  [['?'], 'Show this list'],
];

export function ShortcutsDialog() {
  const open = useDialogs((s) => s.shortcutsOpen);
  const setOpen = useDialogs((s) => s.setShortcutsOpen);
  return (
    <Modal
      open={open}
      title="Keyboard shortcuts"
      onClose={() => setOpen(false)}
      testId="shortcuts-dialog"
      actions={
        <button type="button" className="btn btn-primary" autoFocus onClick={() => setOpen(false)}>
          Close
        </button>
      }
    >
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <td>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && (keys[0] === 'Ctrl' ? ' + ' : ' / ')}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
