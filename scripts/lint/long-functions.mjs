// Lists functions longer than the limit (default 120 lines) outside tests: issue 12's rule that a
// function is split into hooks and pieces before it grows past what one screen and one reading hold.
// Usage: node scripts/lint/long-functions.mjs [--max N] [folders…]   (exit 1 when any is found)
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript5';

const args = process.argv.slice(2);
const at = args.indexOf('--max');
const max = at >= 0 ? Number(args.splice(at, 2)[1]) : 120;
const root = path.resolve(import.meta.dirname, '..', '..');
const folders = args.length ? args : ['electron', 'shared', 'renderer', 'scripts'];

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist') yield* files(p);
    } else if (/\.(ts|tsx|mjs)$/.test(e.name) && !/\.d\.ts$/.test(e.name)) yield p;
  }
}

const long = [];
for (const folder of folders) {
  const dir = path.resolve(root, folder);
  if (!fs.existsSync(dir)) continue;
  for (const file of files(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > max) {
          const name = node.name?.getText(sf) ?? ts.getNameOfDeclaration(node.parent)?.getText(sf) ?? '(anonymous)';
          long.push(`${path.relative(root, file)}:${start + 1} ${name} — ${lines} lines`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
}
for (const l of long) console.error(l);
if (long.length)
  console.error(`${long.length} function(s) over ${max} lines: split them into hooks and smaller pieces.`);
process.exit(long.length ? 1 : 0);
