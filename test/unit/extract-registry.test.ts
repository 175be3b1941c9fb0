import { describe, expect, it } from 'vitest';
import { FIELD_NAMES } from '../../shared/domain/document.js';
import { FIELD_REGISTRY, fieldSpec, labelStems } from '../../shared/domain/fields.js';
import rejections from '../../resources/rejections.json' with { type: 'json' };

describe('the field registry', () => {
  it('declares every extracted field exactly once', () => {
    expect(FIELD_REGISTRY.map((f) => f.key).sort()).toEqual([...FIELD_NAMES].sort());
    expect(fieldSpec('account_name')).toMatchObject({
      display: 'Account name',
      caseField: 'entity_name',
      rejection: 'ENTITY_NAME_MISMATCH',
    });
  });

  it('names only rejection codes the rejection table has', () => {
    const codes = new Set(rejections.codes.map((c) => c.code));
    for (const f of FIELD_REGISTRY)
      if (f.rejection) expect(codes.has(f.rejection), `${f.key}: ${f.rejection}`).toBe(true);
  });

  it('reads label wordings as concept stems: abbreviations, hints and possessives fold away', () => {
    expect(labelStems('Acct. Nbr.')).toEqual(['account', 'number']);
    expect(labelStems('Account No.')).toEqual(labelStems('Account Number'));
    expect(labelStems('Svc Addr (no P.O. Box)')).toEqual(['service', 'address']);
    expect(labelStems("Account holder's name")).toEqual(['account', 'holder', 'name']);
    expect(labelStems('SADR1')).toEqual(['service', 'address']);
  });
});
