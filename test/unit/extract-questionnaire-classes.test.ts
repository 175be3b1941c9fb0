import { describe, expect, it } from 'vitest';
import { valueClass } from '../fixtures/generator/classes.js';
import type { Failure } from '../fixtures/generator/evaluate.js';
import type { RandomFixture } from '../fixtures/generator/random.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * The score tool's failure classes (`cli.ts score --classes`): what a wrong value is, by class only, so the
 * classes can be counted on seeds that are scored only. Built on a questionnaire of the dev seeds whose captions
 * the generator recorded.
 */

const f: RandomFixture = generateRandom(27605, { family: 'loa-questionnaire', fresh: 'tune', standins: 36 });
const failure = (field: Failure['field'], got: unknown): Failure => ({
  id: f.id,
  family: f.family,
  mode: 'text',
  field,
  truth: f.truth[field],
  got,
  confidence: got === null ? null : 0.5,
  labelText: false,
});
const caption = (concept: string) => f.captions!.find((c) => c.concept === concept)!.text;

describe('failure classes', () => {
  it('the generator records the captions a document drew', () => {
    expect(f.captions?.map((c) => c.concept)).toEqual(expect.arrayContaining(['account', 'authorized', 'title']));
  });
  it('missing, label text of its own caption or of another field’s, a question', () => {
    expect(valueClass('account_number', failure('account_number', null), f)).toBe('missing');
    expect(valueClass('authorized_person', failure('authorized_person', caption('authorized')), f)).toBe(
      'label text: its own caption',
    );
    expect(valueClass('authorized_person', failure('authorized_person', caption('title')), f)).toBe(
      'label text: the caption of title',
    );
    expect(valueClass('account_name', failure('account_name', 'Which carrier bills you today?'), f)).toBe(
      'label text: a question/hint/label words',
    );
  });
  it("another field's value, a part of the right value, the right value run on", () => {
    expect(valueClass('account_number', failure('account_number', f.truth.pin), f)).toBe('the value of pin');
    const name = String(f.truth.account_name);
    expect(valueClass('account_name', failure('account_name', name.split(' ').slice(0, 2).join(' ')), f)).toBe(
      'a part of the right value (cut)',
    );
    expect(valueClass('account_name', failure('account_name', `${name} Attn Billing`), f)).toBe(
      'the right value and more (run on)',
    );
  });
});
