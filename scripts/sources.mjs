import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time of the files the Node bundle is built from. */
export function newestSource(root) {
  let t = statSync(path.join(root, 'package.json')).mtimeMs;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else t = Math.max(t, statSync(p).mtimeMs);
    }
  };
  for (const d of ['electron', 'shared', 'resources']) walk(path.join(root, d));
  return t;
}
