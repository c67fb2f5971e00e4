import type { Problem } from '@shared/domain/problems';
import { compileUnaryTests, describeUnaryTests, fromFeel } from '../feel';
import { compileTable, type CompiledTable, type Locate } from './compiled-table';
import { DecisionTableModel, HIT_POLICIES, type ColumnType } from './model';
import { readXml, SourcePositions, XmlReadError, type XmlElement } from './xml-reader';

/**
 * Imports the decision tables of a DMN 1.3, 1.4 or 1.5 file as Camunda Modeler saves it.
 * Diagram interchange (dmndi), Camunda extension attributes and other decision logic are
 * ignored; each decision table becomes one table model, validated like a YAML table, with
 * problems at the XML line and column.
 */

export const DMN_NAMESPACES: Readonly<Record<string, string>> = {
  'https://www.omg.org/spec/DMN/20191111/MODEL/': '1.3',
  'https://www.omg.org/spec/DMN/20211108/MODEL/': '1.4',
  'https://www.omg.org/spec/DMN/20230324/MODEL/': '1.5',
};

/** DMN typeRefs (FEEL and XML Schema spellings) to column types. */
const TYPE_REFS: Readonly<Record<string, ColumnType>> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  long: 'number',
  double: 'number',
  boolean: 'boolean',
  date: 'date',
  dateTime: 'date-time',
  'date and time': 'date-time',
  dayTimeDuration: 'duration',
  yearMonthDuration: 'duration',
  'days and time duration': 'duration',
  'years and months duration': 'duration',
};

interface Context {
  file: string;
  positions: SourcePositions;
  problems: Problem[];
  /** Model paths of the table being imported → the element (or text) holding them. */
  sites: Map<string, { element: XmlElement; text?: XmlElement }>;
}

function child(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local);
}

function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c) => c.local === local);
}

function problem(ctx: Context, severity: Problem['severity'], code: string, message: string, index: number, path = ''): void {
  ctx.problems.push({ severity, code, message, file: ctx.file, ...ctx.positions.at(index), path });
}

/** Optional fields are left out rather than set to undefined, so the model's canonical JSON (and hash) matches an equal YAML table. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function columnType(ctx: Context, element: XmlElement | undefined, path: string): ColumnType | undefined {
  const typeRef = element?.attributes.typeRef;
  if (!element || typeRef === undefined || typeRef === '') return undefined;
  const type = TYPE_REFS[typeRef];
  if (!type) problem(ctx, 'warning', 'dmn-type', `typeRef "${typeRef}" is not supported here and is ignored`, element.start, path);
  return type;
}

/** inputValues / outputValues: a list of literal values ("EUR","USD"); anything else is not imported. */
function allowedValues(ctx: Context, element: XmlElement | undefined, path: string): (string | number | boolean)[] | undefined {
  const text = element && child(element, 'text');
  if (!element || !text || text.text.trim() === '') return undefined;
  const compiled = compileUnaryTests(text.text);
  const shape = compiled.ok ? describeUnaryTests(compiled.compiled) : null;
  const values =
    shape?.kind === 'tests' && !shape.negated ? shape.tests.map((t) => (t.kind === 'compare' && t.op === '=' ? fromFeel(t.value) : undefined)) : [];
  if (values.length === 0 || !values.every((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v))) {
    problem(ctx, 'warning', 'dmn-values', `allowed values "${text.text}" are not a list of literals and are ignored`, text.contentStart, path);
    return undefined;
  }
  ctx.sites.set(path, { element, text });
  return values;
}

function textOf(ctx: Context, element: XmlElement | undefined, path: string): string {
  const text = element && child(element, 'text');
  if (element) ctx.sites.set(path, { element, ...(text ? { text } : {}) });
  return text?.text ?? '';
}

function tableModel(ctx: Context, decision: XmlElement, table: XmlElement): unknown {
  ctx.sites.set('', { element: decision });
  const inputs = childrenNamed(table, 'input').map((input, i) => {
    const path = `inputs.${i}`;
    ctx.sites.set(path, { element: input });
    const expression = child(input, 'inputExpression');
    return compact({
      id: input.attributes.id,
      label: input.attributes.label,
      expression: textOf(ctx, expression, `${path}.expression`),
      type: columnType(ctx, expression, `${path}.type`),
      values: allowedValues(ctx, child(input, 'inputValues'), `${path}.values`),
    });
  });
  const outputs = childrenNamed(table, 'output').map((output, i) => {
    const path = `outputs.${i}`;
    ctx.sites.set(path, { element: output });
    return compact({
      name: output.attributes.name,
      label: output.attributes.label,
      type: columnType(ctx, output, `${path}.type`),
      values: allowedValues(ctx, child(output, 'outputValues'), `${path}.values`),
    });
  });
  const rules = childrenNamed(table, 'rule').map((rule, r) => {
    const path = `rules.${r}`;
    ctx.sites.set(path, { element: rule });
    const description = child(rule, 'description')?.text.trim();
    return compact({
      id: rule.attributes.id,
      description: description || undefined,
      when: childrenNamed(rule, 'inputEntry').map((entry, c) => textOf(ctx, entry, `${path}.when.${c}`)),
      then: childrenNamed(rule, 'outputEntry').map((entry, c) => textOf(ctx, entry, `${path}.then.${c}`)),
    });
  });
  const hitPolicy = table.attributes.hitPolicy;
  if (hitPolicy !== undefined) ctx.sites.set('hitPolicy', { element: table });
  if (table.attributes.aggregation !== undefined) ctx.sites.set('aggregation', { element: table });
  return compact({
    id: decision.attributes.id,
    name: decision.attributes.name,
    hitPolicy: hitPolicy ?? 'UNIQUE',
    aggregation: table.attributes.aggregation,
    inputs,
    outputs,
    rules,
  });
}

/** A locator over the recorded sites: the nearest recorded path, and inside a cell's text the exact character. */
function locator(positions: SourcePositions, sites: ReadonlyMap<string, { element: XmlElement; text?: XmlElement }>): Locate {
  return (path, offsetInCell) => {
    for (let parts = path === '' ? [] : path.split('.'); ; parts = parts.slice(0, -1)) {
      const site = sites.get(parts.join('.'));
      if (site) {
        if (site.text && parts.length === path.split('.').length) return positions.at(positions.rawIndex(site.text.contentStart, offsetInCell ?? 0));
        return positions.at(site.element.start);
      }
      if (parts.length === 0) return { line: 1, column: 1 };
    }
  };
}

function importTable(ctx: Context, decision: XmlElement, table: XmlElement): CompiledTable | null {
  const raw = tableModel(ctx, decision, table);
  const locate = locator(ctx.positions, ctx.sites);
  const parsed = DecisionTableModel.safeParse(raw);
  if (parsed.success) return compileTable(parsed.data, locate);
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const hint = issue.path[0] === 'hitPolicy' ? ` (one of ${HIT_POLICIES.join(', ')})` : '';
    const message = `decision ${decision.attributes.id ?? '?'}: ${path || '(table)'}: ${issue.message}${hint}`;
    ctx.problems.push({ severity: 'error', code: 'schema', message, file: ctx.file, ...locate(path), path });
  }
  return null;
}

export function importDmn(xml: string, file: string): { tables: CompiledTable[]; problems: Problem[] } {
  const positions = new SourcePositions(xml);
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], code: string, message: string, index: number) =>
    problems.push({ severity, code, message, file, ...positions.at(index), path: '' });
  let root: XmlElement;
  try {
    root = readXml(xml);
  } catch (error) {
    if (!(error instanceof XmlReadError)) throw error;
    report('error', error.code, error.message, error.index);
    return { tables: [], problems };
  }
  if (root.local !== 'definitions' || DMN_NAMESPACES[root.uri] === undefined) {
    report('error', 'dmn-namespace', `not a DMN 1.3, 1.4 or 1.5 file: the root element is ${root.uri ? `{${root.uri}}` : ''}${root.local}`, root.start);
    return { tables: [], problems };
  }
  const tables: CompiledTable[] = [];
  for (const decision of childrenNamed(root, 'decision').filter((d) => d.uri === root.uri)) {
    const table = child(decision, 'decisionTable');
    if (!table) report('warning', 'dmn-unsupported', `decision ${decision.attributes.id ?? '?'} has no decision table and is not imported`, decision.start);
    else {
      const compiled = importTable({ file, positions, problems, sites: new Map() }, decision, table);
      if (compiled) tables.push(compiled);
    }
  }
  if (tables.length === 0 && problems.length === 0) report('error', 'dmn-empty', 'the file holds no decision table', root.start);
  return { tables, problems };
}
