import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeJson } from '../../electron/cli/terminal.js';

describe('text from imported data on a terminal', () => {
  const hostile = 'Evil\u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u001b[2J\u009b31m\u202eCo\r\nNext\u007f';

  it('shows every control character as a visible escape and nothing raw', () => {
    const out = terminalSafe(hostile);
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(out).toBe('Evil\\x1b]8;;http://x\\x07link\\x1b]8;;\\x07 \\x1b[2J\\x9b31m\\u202eCo\\r\\nNext\\x7f');
    expect(terminalSafe('Lakeview Dental, P.C. — Suite 200')).toBe('Lakeview Dental, P.C. — Suite 200');
  });

  it('keeps JSON exact for programs while no control character reaches the terminal', () => {
    const out = terminalSafeJson({ entity_name: hostile });
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(out)).toEqual({ entity_name: hostile });
  });
});
