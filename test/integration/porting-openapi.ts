import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Exchange } from '../../electron/core/porting/client.js';

/**
 * Validates what PortDesk sends and parses against the Telnyx OpenAPI subset: the operation must
 * exist, query parameters must be declared (deepObject keys walked into their schema), request
 * bodies (JSON or multipart) and 2xx response bodies must match their schemas. 4xx/5xx bodies are
 * checked against the platform error envelope when the operation declares none.
 */

export const SPEC_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../electron/core/porting/spec/telnyx-porting-openapi.json',
);

type Json = Record<string, unknown>;
interface Operation {
  template: string;
  regex: RegExp;
  literal: number;
  method: string;
  op: Json;
}

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose .default is the plugin.
const addFormats = (formats as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;

export class OpenApiValidator {
  private readonly spec: Json;
  private readonly ajv: Ajv2020;
  private readonly ops: Operation[] = [];
  private readonly cache = new Map<unknown, ValidateFunction>();

  constructor(file = SPEC_FILE) {
    this.spec = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    for (const f of ['binary', 'byte', 'integer']) this.ajv.addFormat(f, true);
    this.ajv.addSchema({ $id: 'spec', components: rewriteRefs((this.spec as { components: unknown }).components) });
    for (const [template, item] of Object.entries(this.spec.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
        const regex = new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$');
        this.ops.push({
          template,
          regex,
          literal: template.replace(/\{[^}]+\}/g, '').length,
          method: method.toUpperCase(),
          op: op as Json,
        });
      }
    }
  }

  /** Problems found in one exchange; empty when it conforms. */
  check(x: Exchange): string[] {
    const problems: string[] = [];
    const where = `${x.method} ${x.path}`;
    const op = this.ops
      .filter((o) => o.method === x.method && o.regex.test(x.path))
      .sort((a, b) => b.literal - a.literal)[0];
    if (!op) return [`${where}: no such operation in the OpenAPI subset`];
    // query parameters
    const params = ((op.op.parameters ?? []) as Json[]).map((p) => this.deref(p));
    for (const [key, value] of Object.entries(x.query)) {
      const [name, ...rest] = key.replace(/\]/g, '').split('[');
      const param = params.find((p) => p.in === 'query' && p.name === name);
      if (!param) {
        problems.push(`${where}: query parameter ${key} is not declared`);
        continue;
      }
      let schema = this.deref(param.schema as Json);
      for (const seg of rest) {
        const next = (schema.properties as Record<string, Json> | undefined)?.[seg!];
        if (!next) {
          problems.push(`${where}: ${key}: "${seg}" is not a property of ${name}`);
          schema = {};
          break;
        }
        schema = this.deref(next);
      }
      const typed =
        schema.type === 'integer' || schema.type === 'number'
          ? Number(value)
          : schema.type === 'boolean'
            ? value === 'true'
            : value;
      if (schema.type === 'boolean' && value !== 'true' && value !== 'false')
        problems.push(`${where}: ${key}=${value} is not a boolean`);
      problems.push(...this.validate(schema, typed, `${where} ?${key}`));
    }
    // request body
    const rb = op.op.requestBody ? this.deref(op.op.requestBody as Json) : null;
    if (rb?.required && x.requestBody === undefined) problems.push(`${where}: request body required`);
    if (x.requestBody !== undefined) {
      if (!rb) problems.push(`${where}: sends a body the operation does not take`);
      else {
        const media = (rb.content as Record<string, Json>)[x.requestContentType ?? 'application/json'];
        if (!media) problems.push(`${where}: content type ${x.requestContentType} not accepted`);
        else problems.push(...this.validate(media.schema as Json, x.requestBody, `${where} request`));
      }
    }
    // response
    if (x.status === null) return problems;
    const responses = op.op.responses as Record<string, Json>;
    const declared = responses[String(x.status)] ?? responses.default;
    if (!declared) {
      if (x.status < 400) problems.push(`${where}: status ${x.status} is not declared`);
      else if (x.responseBody !== null)
        problems.push(
          ...this.validate({ $ref: '#/components/schemas/numbers_Errors' }, x.responseBody, `${where} ${x.status}`),
        );
      return problems;
    }
    const res = this.deref(declared);
    const schema = (res.content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined;
    if (schema) problems.push(...this.validate(schema, x.responseBody, `${where} ${x.status}`));
    else if (x.status >= 400 && x.responseBody !== null) {
      problems.push(
        ...this.validate({ $ref: '#/components/schemas/numbers_Errors' }, x.responseBody, `${where} ${x.status}`),
      );
    }
    return problems;
  }

  checkAll(xs: Exchange[]): string[] {
    return xs.flatMap((x) => this.check(x));
  }

  private validate(schema: Json, value: unknown, where: string): string[] {
    let fn = this.cache.get(schema);
    if (!fn) {
      fn = this.ajv.compile(rewriteRefs(schema) as Json);
      this.cache.set(schema, fn);
    }
    if (fn(value)) return [];
    return (fn.errors ?? [])
      .slice(0, 5)
      .map(
        (e) =>
          `${where}: ${e.instancePath || '(root)'} ${e.message ?? ''}${e.params ? ' ' + JSON.stringify(e.params) : ''}`,
      );
  }

  private deref(o: Json): Json {
    let cur = o;
    for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) {
      cur = (cur.$ref as string)
        .slice(2)
        .split('/')
        .reduce<Json>((acc, k) => acc[k] as Json, this.spec);
    }
    return cur;
  }
}

/** Local refs ("#/components/...") point into the registered spec document. */
function rewriteRefs(o: unknown): unknown {
  if (Array.isArray(o)) return o.map(rewriteRefs);
  if (o && typeof o === 'object') {
    return Object.fromEntries(
      Object.entries(o).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `spec${v}` : rewriteRefs(v),
      ]),
    );
  }
  return o;
}
