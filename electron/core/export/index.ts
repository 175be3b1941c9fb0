import { zipSync, type Zippable } from 'fflate';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import {
  EXPORT_ID_PATTERN,
  ExportFileName,
  ExportId,
  PacketSummary,
  type ExportFile,
  type ExportKind,
  type ExportListEntry,
  type ExportResult,
  type PacketDocument,
  type PdfSection,
  type ReportedRejection,
} from '../../../shared/contract/export.js';
import { AppError } from '../../../shared/contract/rpc.js';
import type { DocumentSummary } from '../../../shared/contract/documents.js';
import { serviceAddressJson } from '../../../shared/domain/case.js';
import type { CoreContext } from '../context.js';
import { appendReceived } from './attach.js';
import { drawCover } from './cover.js';
import { embedFonts } from './fonts.js';
import { gatherCase, type PacketData } from './gather.js';
import { Flow, MUTED, stampFooters } from './layout.js';
import { drawLoa } from './loa.js';
import { corrections, planLoa } from './loa-values.js';
import { loadAppSettings } from './settings.js';
import { decodeSignature } from './signature.js';

/*
 * Packets and LOAs: built in memory from what the case features hold, then written once into
 * `<dataDir>/exports/<exportId>/` (a temporary folder renamed into place, so an export is either
 * whole or absent). Hosts hand the files to the user: a download in browser mode (export.file),
 * a save dialog in Electron and `--out` in the CLI (copyExport).
 */

export interface ExportRequest {
  kind: ExportKind;
  caseId: number;
  includePin: boolean;
  signaturePng?: string | undefined;
  gainingCarrier?: string | undefined;
  reportedRejections?: ReportedRejection[] | undefined;
}

export interface BuiltFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface BuiltExport {
  files: BuiltFile[];
  summary: PacketSummary;
  pages: number;
}

const MANIFEST = '.portdesk-export.json';

function exportsRoot(ctx: CoreContext): string {
  return path.join(ctx.dataDir, 'exports');
}

/** A file-name friendly form of the customer's name ("Northwind-Accounting-LLC"). */
function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function zipName(d: DocumentSummary): string {
  const safe = d.name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').slice(0, 120) || 'document';
  return `originals/${d.kind}-${d.id}-${safe}`;
}

const KIND_TITLE: Record<string, string> = { invoice: 'Invoice', csr: 'CSR' };

/** The PDF being put together: pages PortDesk drew (they get footers) and the table of contents. */
interface PdfAssembly {
  doc: PDFDocument;
  fonts: Awaited<ReturnType<typeof embedFonts>>;
  generated: PDFPage[];
  sections: PdfSection[];
}

interface ExportScene {
  ctx: CoreContext;
  req: ExportRequest;
  data: PacketData;
  now: Date;
  actor: string;
  day: string;
}

function setPdfMetadata(doc: PDFDocument, scene: ExportScene): void {
  const { req, now, actor } = scene;
  const rec = scene.data.caseRecord;
  doc.setTitle(
    `${req.kind === 'packet' ? 'Porting packet' : 'Letter of authorization'} — case ${rec.id} — ${rec.entity_name}`,
    { showInWindowTitleBar: true },
  );
  doc.setAuthor(actor);
  doc.setCreator('PortDesk');
  doc.setProducer('PortDesk (pdf-lib)');
  doc.setSubject(`Number port for ${rec.entity_name}`);
  doc.setCreationDate(now);
  doc.setModificationDate(now);
}

/** What the PDF holds, in order: cover (packets), the LOA, then the invoice and CSR as received (packets). */
function plannedContents(req: ExportRequest, data: PacketData) {
  const received =
    req.kind === 'packet'
      ? (['invoice', 'csr'] as const).map((k) => data.chosen[k]?.summary).filter((d): d is DocumentSummary => !!d)
      : [];
  const loaTitle =
    req.kind === 'packet' && (data.chosen.loa || data.rejections.length) ? 'Corrected LOA' : 'LOA for signature';
  const contents = [
    ...(req.kind === 'packet' ? ['Cover sheet'] : []),
    loaTitle,
    ...received.map((d) => `${KIND_TITLE[d.kind]} as received — ${d.name}`),
  ];
  return { received, loaTitle, contents };
}

/** Draws the cover sheet; returns the function that fills its table of contents once page numbers are known. */
function addCover(
  pdf: PdfAssembly,
  scene: ExportScene,
  fixes: ReturnType<typeof corrections>,
  contents: string[],
): (s: { title: string; first: number; last: number }[]) => void {
  const { now } = scene;
  const cover = new Flow(pdf.doc, pdf.fonts);
  const fillContents = drawCover(cover, {
    data: scene.data,
    corrections: fixes,
    includePin: scene.req.includePin,
    preparedBy: scene.actor,
    preparedAt: `${scene.day} ${now.toISOString().slice(11, 16)} UTC`,
    contents,
  });
  pdf.generated.push(...cover.pages);
  pdf.sections.push({ title: 'Cover sheet', first_page: 1, last_page: pdf.doc.getPageCount() });
  return fillContents;
}

async function addLoa(
  pdf: PdfAssembly,
  scene: ExportScene,
  plan: ReturnType<typeof planLoa>,
  signatureBytes: Uint8Array | null,
  loaTitle: string,
): Promise<void> {
  const { ctx, req, data, actor, day } = scene;
  const loaFirst = pdf.doc.getPageCount() + 1;
  const loaFlow = new Flow(pdf.doc, pdf.fonts);
  drawLoa(loaFlow, {
    loa: plan.loa,
    pin: plan.pinToPrint,
    caseId: data.caseRecord.id,
    preparedOn: day,
    gainingCarrier: req.gainingCarrier || loadAppSettings(ctx.settings).gainingCarrier || null,
    newBtnNeeded: data.comparison.numbers.btn_ported_in_partial,
    signature: signatureBytes
      ? {
          image: await pdf.doc.embedPng(signatureBytes),
          caption: `Signed electronically in PortDesk by ${actor} on ${day}. The signature above was drawn in PortDesk and placed on this letter.`,
          date: day,
        }
      : null,
  });
  pdf.generated.push(...loaFlow.pages);
  pdf.sections.push({ title: loaTitle, first_page: loaFirst, last_page: pdf.doc.getPageCount() });
}

/** Appends each received document (or a notice where it cannot be placed); returns its page range per document id. */
async function addReceived(
  pdf: PdfAssembly,
  ctx: CoreContext,
  received: DocumentSummary[],
): Promise<Map<number, [number, number]>> {
  const pageCount = () => pdf.doc.getPageCount();
  const pdfPagesOf = new Map<number, [number, number]>();
  for (const d of received) {
    const first = pageCount() + 1;
    const bytes = ctx.documents.files.get(d.sha256);
    const added = await appendReceived(pdf.doc, bytes, d.mime);
    if (added.problem) {
      const notice = new Flow(pdf.doc, pdf.fonts);
      notice.heading(`${KIND_TITLE[d.kind]} as received — ${d.name}`);
      notice.paragraph(
        `This ${KIND_TITLE[d.kind]} could not be placed in this PDF: ${added.problem}. The original file is in the ZIP beside this PDF as ${zipName(d)}.`,
        { size: 10, color: MUTED },
      );
      pdf.generated.push(...notice.pages);
    }
    pdfPagesOf.set(d.id, [first, pageCount()]);
    pdf.sections.push({
      title: `${KIND_TITLE[d.kind]} as received — ${d.name}`,
      first_page: first,
      last_page: pageCount(),
    });
  }
  return pdfPagesOf;
}

/** The packet ZIP: the PDF, its summary JSON and every original document of the case. */
function packetZip(
  ctx: CoreContext,
  data: PacketData,
  base: string,
  pdfName: string,
  pdf: Uint8Array,
  summary: PacketSummary,
  now: Date,
): BuiltFile {
  const entries: Zippable = {};
  entries[pdfName] = [pdf, { level: 0 }];
  entries[`${base}-summary.json`] = [new TextEncoder().encode(JSON.stringify(summary, null, 2)), { level: 6 }];
  const store = ctx.documents.files;
  for (const d of data.documents)
    entries[zipName(d)] = [store.get(d.sha256), { level: d.mime === 'image/tiff' ? 6 : 0 }];
  return { name: `${base}-packet.zip`, mime: 'application/zip', bytes: zipSync(entries, { mtime: now }) };
}

export async function buildExport(ctx: CoreContext, req: ExportRequest, exportId: string): Promise<BuiltExport> {
  const now = ctx.now();
  const actor = ctx.actor();
  const day = now.toISOString().slice(0, 10);
  const data = await gatherCase(ctx, req.caseId, req.reportedRejections ?? []);
  const scene: ExportScene = { ctx, req, data, now, actor, day };
  const rec = data.caseRecord;
  const signatureBytes = req.signaturePng ? decodeSignature(req.signaturePng) : null;
  const plan = planLoa(data, {
    includePin: req.includePin,
    signedBy: signatureBytes ? actor : null,
    signedAt: signatureBytes ? now.toISOString() : null,
  });
  const fixes = corrections(data, plan.loa);

  const doc = await PDFDocument.create();
  const pdfParts: PdfAssembly = { doc, fonts: await embedFonts(doc), generated: [], sections: [] };
  const base = `${slug(rec.entity_name) ? `${slug(rec.entity_name)}-` : ''}case-${rec.id}`;
  const pdfName = `${base}-${req.kind}.pdf`;
  const title = req.kind === 'packet' ? `Porting packet · case ${rec.id}` : `LOA · case ${rec.id}`;
  setPdfMetadata(doc, scene);

  const { received, loaTitle, contents } = plannedContents(req, data);
  const fillContents = req.kind === 'packet' ? addCover(pdfParts, scene, fixes, contents) : null;
  await addLoa(pdfParts, scene, plan, signatureBytes, loaTitle);
  const pdfPagesOf = await addReceived(pdfParts, ctx, received);

  const total = doc.getPageCount();
  const allPages = doc.getPages();
  stampFooters(
    pdfParts.generated.map((page) => ({ page, index: allPages.indexOf(page) })),
    total,
    pdfParts.fonts,
    title,
  );
  const sections = pdfParts.sections;
  fillContents?.(sections.map((s) => ({ title: s.title, first: s.first_page, last: s.last_page })));
  const pdf = await doc.save();

  const summary = PacketSummary.parse(
    summarize(data, {
      kind: req.kind,
      exportId,
      generatedAt: now.toISOString(),
      actor,
      includePin: req.includePin,
      pdfName,
      pages: total,
      sections,
      pdfPagesOf,
      loa: plan.loa,
      corrections: fixes,
    }),
  );

  const files: BuiltFile[] = [{ name: pdfName, mime: 'application/pdf', bytes: pdf }];
  if (req.kind === 'packet') files.push(packetZip(ctx, data, base, pdfName, pdf, summary, now));
  return { files, summary, pages: total };
}

function summarize(
  data: PacketData,
  o: {
    kind: ExportKind;
    exportId: string;
    generatedAt: string;
    actor: string;
    includePin: boolean;
    pdfName: string;
    pages: number;
    sections: PdfSection[];
    pdfPagesOf: Map<number, [number, number]>;
    loa: PacketSummary['corrected_loa'];
    corrections: PacketSummary['corrections'];
  },
): PacketSummary {
  const c = data.caseRecord;
  const documents: PacketDocument[] = data.documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    name: d.name,
    mime: d.mime,
    size: d.size,
    sha256: d.sha256,
    pages: d.pages,
    status: d.status,
    zip_path: zipName(d),
    pdf_pages: o.pdfPagesOf.get(d.id) ?? null,
  }));
  return {
    format: 'portdesk.packet',
    version: 1,
    kind: o.kind,
    export_id: o.exportId,
    generated_at: o.generatedAt,
    generated_by: o.actor,
    case: {
      id: c.id,
      status: c.status,
      entity_name: c.entity_name,
      authorized_person: c.authorized_person,
      btn: c.btn,
      account_number: c.account_number,
      service_address: serviceAddressJson(c),
      losing_carrier: c.losing_carrier,
      underlying_carrier: c.underlying_carrier,
      customer_reference: c.customer_reference,
      foc_date: c.foc_date,
      numbers: c.numbers,
      pin: {
        set: c.pin_set,
        included: o.includePin && !!data.pin,
        ...(o.includePin && data.pin ? { value: data.pin } : {}),
      },
    },
    orders: data.orders,
    received_rejections: data.rejections,
    corrections: o.corrections,
    corrected_loa: o.loa,
    comparison: data.comparison,
    documents,
    pdf: { file: o.pdfName, pages: o.pages, sections: o.sections },
  };
}

// ---------------------------------------------------------------------------------------------
// The exports folder

function stampOf(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

/** Build and write one export; the case history records it (and whether the PIN went with it). */
export async function createExport(ctx: CoreContext, req: ExportRequest): Promise<ExportResult> {
  await ctx.cases.get(req.caseId); // NOT_FOUND before anything is built
  const root = exportsRoot(ctx);
  fs.mkdirSync(root, { recursive: true });
  const now = ctx.now();
  let exportId = `${req.caseId}-${stampOf(now)}`;
  for (let n = 1; fs.existsSync(path.join(root, exportId)); n++) exportId = `${req.caseId}-${stampOf(now)}-${n}`;
  const built = await buildExport(ctx, req, exportId);

  const tmp = path.join(root, `.tmp-${exportId}-${randomBytes(4).toString('hex')}`);
  const dir = path.join(root, exportId);
  const files: ExportFile[] = built.files.map((f) => ({ name: f.name, mime: f.mime, bytes: f.bytes.byteLength }));
  try {
    fs.mkdirSync(tmp);
    for (const f of built.files) fs.writeFileSync(path.join(tmp, f.name), f.bytes);
    fs.writeFileSync(
      path.join(tmp, MANIFEST),
      JSON.stringify({ exportId, caseId: req.caseId, kind: req.kind, createdAt: now.toISOString(), files }),
    );
    fs.renameSync(tmp, dir);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new AppError(
        'DISK_FULL',
        `The disk holding ${root} is full. Free some space and export again; nothing was written.`,
      );
    }
    throw err;
  }

  const s = built.summary;
  const what = req.kind === 'packet' ? 'Packet' : 'LOA';
  const pinNote = req.includePin
    ? " The PIN was included at the user's request."
    : s.corrected_loa.pin.on_loa
      ? ' The PIN is on the LOA (the carrier requires it there).'
      : '';
  ctx.cases.addHistory(
    req.caseId,
    ctx.actor(),
    `export-${req.kind}`,
    [],
    `${what} exported: ${files.map((f) => f.name).join(', ')} (${built.pages} PDF page${built.pages === 1 ? '' : 's'}).${s.corrected_loa.signature.signed ? ' LOA signed in PortDesk.' : ''}${pinNote}`,
  );
  ctx.events.emit('cases.changed', { ids: [req.caseId], reason: `export-${req.kind}` });

  return {
    exportId,
    caseId: req.caseId,
    kind: req.kind,
    createdAt: now.toISOString(),
    dir,
    files,
    pages: built.pages,
    pinIncluded: s.case.pin.included,
    pinOnLoa: s.corrected_loa.pin.on_loa,
    signed: s.corrected_loa.signature.signed,
    rejections: s.received_rejections.length,
    corrections: s.corrections.length,
  };
}

function manifest(
  ctx: CoreContext,
  exportId: string,
): { exportId: string; caseId: number; kind: ExportKind; createdAt: string; files: ExportFile[] } {
  const id = ExportId.safeParse(exportId);
  if (!id.success) throw new AppError('BAD_INPUT', `"${exportId}" is not an export id.`);
  const file = path.join(exportsRoot(ctx), id.data, MANIFEST);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ReturnType<typeof manifest>;
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `Export ${exportId} does not exist (it may have been deleted from ${exportsRoot(ctx)}). Export the packet again.`,
    );
  }
}

export function listExports(ctx: CoreContext, caseId: number): ExportListEntry[] {
  const root = exportsRoot(ctx);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((n) => EXPORT_ID_PATTERN.test(n) && n.startsWith(`${caseId}-`))
    .flatMap((n) => {
      try {
        const m = manifest(ctx, n);
        return m.caseId === caseId
          ? [{ exportId: m.exportId, kind: m.kind, createdAt: m.createdAt, files: m.files }]
          : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.exportId.localeCompare(a.exportId));
}

/** One file of an export; the name must be one the export lists (no path can be smuggled in). */
export function readExportFile(ctx: CoreContext, exportId: string, name: string): BuiltFile {
  const m = manifest(ctx, exportId);
  const parsedName = ExportFileName.safeParse(name);
  const entry = parsedName.success ? m.files.find((f) => f.name === parsedName.data) : undefined;
  if (!entry)
    throw new AppError(
      'NOT_FOUND',
      `Export ${exportId} has no file "${name}"; it holds ${m.files.map((f) => f.name).join(', ')}.`,
    );
  const bytes = fs.readFileSync(path.join(exportsRoot(ctx), exportId, entry.name));
  return {
    name: entry.name,
    mime: entry.mime,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

/** Copy an export's files into a folder the user chose (CLI --out, Electron save dialog). Returns the paths written. */
export function copyExport(ctx: CoreContext, exportId: string, destDir: string): string[] {
  const m = manifest(ctx, exportId);
  try {
    fs.mkdirSync(destDir, { recursive: true });
  } catch (err) {
    throw new AppError(
      'FILE_UNREADABLE',
      `Cannot create the folder ${destDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Pick another folder.`,
    );
  }
  return m.files.map((f) => {
    const target = path.join(destDir, f.name);
    try {
      fs.copyFileSync(path.join(exportsRoot(ctx), exportId, f.name), target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC')
        throw new AppError('DISK_FULL', `The disk holding ${destDir} is full; ${f.name} was not written.`);
      throw new AppError(
        'FILE_UNREADABLE',
        `Cannot write ${target}: ${code ?? (err as Error).message}. Pick another folder.`,
      );
    }
    return target;
  });
}
