import { describe, expect, it } from 'vitest';
import rejections from '../../resources/rejections.json' with { type: 'json' };
import { CASE_FIELD_NAMES, FIELD_LABEL } from '../../shared/domain/case.js';
import { COMPARED_FIELDS, documentFieldOf } from '../../shared/domain/comparison.js';
import { FIELD_REGISTRY, labelInSentence, reviewedRejection } from '../../shared/domain/fields.js';
import { CSR_ADDITIONAL_DATA, CsrResult } from '../../shared/porting/csr.js';
import { EndUserAdmin, EndUserLocation } from '../../shared/porting/telnyx.js';
import spec from '../../electron/core/porting/spec/telnyx-porting-openapi.json' with { type: 'json' };

type Json = { properties?: Record<string, Json>; items?: Json };
const schemas = spec.components.schemas as unknown as Record<string, Json>;

/** The OpenAPI schema at a dotted path under `from`, or undefined. */
function specAt(from: Json | undefined, path: string): Json | undefined {
  return path.split('.').reduce<Json | undefined>((s, k) => s?.properties?.[k], from);
}

/** The zod schema at a dotted path of an object schema, through optional/nullable wrappers. */
function zodAt(from: unknown, path: string): unknown {
  let s = from;
  for (const key of path.split('.')) {
    while (s && typeof s === 'object' && 'unwrap' in s && typeof s.unwrap === 'function') s = s.unwrap();
    s = (s as { shape?: Record<string, unknown> } | undefined)?.shape?.[key];
  }
  return s;
}

/*
 * Issue 9, "One field registry": the registry's per-field facts agree with the tables they point
 * into — the review's compared fields, the case's fields, the rejection table, Telnyx's order schema.
 */

describe('the field registry and the tables it points into', () => {
  it('gives every compared field of the review exactly one registry field', () => {
    const reviewed = FIELD_REGISTRY.flatMap((f) => f.review.map((r) => r.field));
    expect([...reviewed].sort()).toEqual([...COMPARED_FIELDS].sort());
    expect(documentFieldOf('loa_date')).toBe('document_date');
    expect(documentFieldOf('losing_carrier')).toBe('carrier_name');
  });

  it('predicts, for each compared field, a code the rejection table files under that field', () => {
    const table = new Map(rejections.codes.map((c) => [c.code, c.field]));
    for (const f of FIELD_REGISTRY)
      for (const r of f.review) {
        if (!f.rejection && !r.rejection) continue;
        expect(table.get(reviewedRejection(r.field)), r.field).toBe(r.field);
      }
  });

  it('names every case field, and each of its case fields is one the case has', () => {
    for (const k of [...CASE_FIELD_NAMES, 'pin', 'numbers', 'status'] as const) expect(FIELD_LABEL[k]).toBeTruthy();
    const known = new Set<string>([...CASE_FIELD_NAMES, 'pin', 'numbers']);
    for (const f of FIELD_REGISTRY) {
      if (f.caseField) expect(known.has(f.caseField), f.key).toBe(true);
      for (const p of f.parts ?? []) expect(known.has(p.caseField), p.caseField).toBe(true);
    }
  });

  it('places values only where Telnyx’s order schema has them', () => {
    const admin = new Set(Object.keys(EndUserAdmin.shape));
    const location = new Set(Object.keys(EndUserLocation.shape));
    for (const f of FIELD_REGISTRY) {
      if (f.telnyx?.startsWith('end_user.admin.')) expect(admin.has(f.telnyx.slice(15)), f.telnyx).toBe(true);
      for (const p of f.parts ?? []) expect(location.has(p.telnyx), p.telnyx).toBe(true);
    }
  });

  it('reads a CSR record only where Telnyx’s CSR schema (and the schema the record is parsed with) has values', () => {
    const result = specAt(schemas.CustomerServiceRecord, 'result');
    const paths = FIELD_REGISTRY.flatMap((f) => [
      ...(f.csr ? [f.csr] : []),
      ...(f.csr && f.csrLine ? [`${f.csr}.${f.csrLine}`] : []),
      ...(f.parts ?? []).flatMap((p) => (f.csr && p.csr ? [`${f.csr}.${p.csr}`] : [])),
    ]);
    expect(paths).toContain('admin.name');
    expect(paths).toContain('address.postal_code');
    for (const path of paths) {
      expect(specAt(result, path), path).toBeDefined();
      expect(zodAt(CsrResult, path), path).toBeDefined();
    }
  });

  it('answers only items the CSR request has, each from a case field', () => {
    const asked = FIELD_REGISTRY.flatMap((f) => [
      ...(f.csrAsk ? [f.csrAsk] : []),
      ...(f.parts ?? []).flatMap((p) => (p.csrAsk ? [p.csrAsk] : [])),
    ]);
    const known = Object.keys(schemas.CustomerServiceRecordAdditionalData!.properties!);
    expect([...CSR_ADDITIONAL_DATA].sort()).toEqual([...known].sort());
    // every item but the customer code, which a case does not keep
    expect([...asked].sort()).toEqual(known.filter((k) => k !== 'customer_code').sort());
  });

  it('puts a label inside a sentence without lowering its acronyms', () => {
    expect(labelInSentence('Entity name')).toBe('entity name');
    expect(labelInSentence('BTN')).toBe('BTN');
    expect(labelInSentence('PIN / passcode')).toBe('PIN / passcode');
    expect(labelInSentence('LOA date')).toBe('LOA date');
  });
});
