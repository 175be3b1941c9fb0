import { DocumentRepository } from '../../electron/core/documents/store.js';
import { openCore } from '../../electron/core/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { tempDir } from './tmp.js';

/**
 * Pages as the app stores them and reads them back: a real core on a SQLite file in a fresh temp dir,
 * a case, a document row, the pages saved, then loaded again — what the review and the evidence view
 * get after a restart.
 */
export async function storedAndReadBack(pages: PageText[]): Promise<PageText[]> {
  const core = openCore({ dataDir: tempDir('portdesk-stored-'), hostKind: 'loopback', actor: 'tester' });
  try {
    const kase = await core.call('cases.create', { fields: { entity_name: 'Harbor Lane Bakery LLC' } });
    const repo = new DocumentRepository(core.ctx.db, core.ctx.now);
    const id = repo.create({
      caseId: kase.id,
      sha256: 'a'.repeat(64),
      name: 'document.pdf',
      mime: 'application/pdf',
      size: 1,
      pages: pages.length,
    });
    repo.savePages(id, pages);
    return repo.pages(id);
  } finally {
    await core.close();
  }
}
