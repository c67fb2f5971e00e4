import type { JsonValue } from '@shared/domain/audit';
import { compileExpression, evaluateExpression, type Compiled } from '../../feel';
import { DecisionTableModel, evaluateTable, type CompiledTable } from '../../decisions';
import type { Repositories } from '../../store/repositories';
import type { Pin, Pins } from '../definitions/validate-definition';
import type { InterpreterServices } from '../interpreter/services';
import { addBusinessDaysAt, type CalendarLookup } from '../../calendar';

/** Compiled FEEL expressions, by source text: definitions are immutable, so entries never go stale. */
export class ExpressionCache {
  private readonly compiled = new Map<string, Compiled>();

  compile(source: string): Compiled {
    let entry = this.compiled.get(source);
    if (!entry) {
      const result = compileExpression(source);
      if (!result.ok) throw Object.assign(new Error(`FEEL syntax: ${result.error.message}`), { code: 'EXPRESSION' });
      entry = result.compiled;
      this.compiled.set(source, entry);
    }
    return entry;
  }

  evaluate(source: string, context: { [key: string]: JsonValue }, now: number): JsonValue {
    try {
      return evaluateExpression(this.compile(source), context, { strict: true, now: () => now }) as JsonValue;
    } catch (error) {
      throw Object.assign(new Error(`${(error as Error).message} (in: ${source})`), { code: 'EXPRESSION' });
    }
  }
}

/** Deployed decision tables by key and version, loaded once (versions are immutable). */
export class DecisionTableCache {
  private readonly tables = new Map<string, CompiledTable>();

  /** Loads every table a workflow version pins, before a transition (which cannot wait on the store). */
  async load(tx: Repositories, pins: Pins): Promise<void> {
    for (const [key, pin] of Object.entries(pins.tables)) await this.loadOne(tx, key, pin);
  }

  async loadOne(tx: Repositories, key: string, pin: Pin): Promise<CompiledTable> {
    const id = `${key}@${pin.version}`;
    const cached = this.tables.get(id);
    if (cached) return cached;
    const row = await tx.decisionTables.byVersion(key, pin.version);
    if (!row) throw new Error(`decision table ${id} is pinned but not deployed`);
    const table: CompiledTable = { model: DecisionTableModel.parse(row.model), contentHash: row.contentHash };
    this.tables.set(id, table);
    return table;
  }

  get(key: string, pin: Pin): CompiledTable {
    const table = this.tables.get(`${key}@${pin.version}`);
    if (!table) throw new Error(`decision table ${key}@${pin.version} was not loaded`);
    return table;
  }
}

export function interpreterServices(expressions: ExpressionCache, tables: DecisionTableCache, calendars: CalendarLookup, now: number): InterpreterServices {
  return {
    evaluate: (source, context) => expressions.evaluate(source, context, now),
    decide: (key, pin, input) => {
      const decision = evaluateTable(tables.get(key, pin), input, { now: () => now });
      return { result: decision.result as JsonValue, matchedRules: decision.matchedRules };
    },
    addBusinessDays: ({ fromMs, days, calendar, at, zone }) => {
      const site = calendars(calendar);
      if (!site) throw Object.assign(new Error(`this site has no business calendar "${calendar}"`), { code: 'NO_CALENDAR' });
      return addBusinessDaysAt(site.calendar, fromMs, days, zone ?? site.zone, at);
    },
  };
}
