import { describe, expect, it } from 'vitest';
import type { FormFieldView } from '../../../src-shared/contract/work';
import { dataLeaves, formatLeaf, isMoney } from '../../../src-renderer/views/queues/data-leaves';
import { checkInputs, fieldProblem, fieldSpec, initialInputs } from '../../../src-renderer/views/queues/form-values';

describe('task data as lines', () => {
  it('recognises an amount with its currency, and nothing that merely resembles one', () => {
    expect(isMoney({ amount: '1250.00', currency: 'EUR' })).toBe(true);
    expect(isMoney({ amount: 1250, currency: 'EUR' })).toBe(false);
    expect(isMoney({ amount: '1250.00', currency: 'EUR', fx: '1.08' })).toBe(false);
    expect(isMoney({ amount: '1250.00' })).toBe(false);
    expect(isMoney([{ amount: '1250.00', currency: 'EUR' }])).toBe(false);
    expect(isMoney(null)).toBe(false);
    expect(isMoney('1250.00 EUR')).toBe(false);
  });

  it('flattens nested data to dotted paths in the workflow’s order, keeping amounts, lists and empty objects whole', () => {
    const data = {
      invoice: { number: 'INV-2026-0042', total: { amount: '1250.00', currency: 'EUR' }, lines: [{ sku: 'A-1' }], meta: {} },
      vendor: { name: 'ACME GmbH', address: { city: 'Berlin' } },
      urgent: true,
      approvedAt: null,
    };
    expect(dataLeaves(data)).toEqual([
      { path: 'invoice.number', value: 'INV-2026-0042' },
      { path: 'invoice.total', value: { amount: '1250.00', currency: 'EUR' } },
      { path: 'invoice.lines', value: [{ sku: 'A-1' }] },
      { path: 'invoice.meta', value: {} },
      { path: 'vendor.name', value: 'ACME GmbH' },
      { path: 'vendor.address.city', value: 'Berlin' },
      { path: 'urgent', value: true },
      { path: 'approvedAt', value: null },
    ]);
    expect(dataLeaves({})).toEqual([]);
  });

  it('shows each value as one readable text', () => {
    expect(formatLeaf(null)).toBe('—');
    expect(formatLeaf({ amount: '1250.00', currency: 'EUR' })).toBe('1250.00 EUR');
    expect(formatLeaf(['clerk', 'approver'])).toBe('["clerk","approver"]');
    expect(formatLeaf({})).toBe('{}');
    expect(formatLeaf(false)).toBe('false');
    expect(formatLeaf(0)).toBe('0');
    expect(formatLeaf('INV-2026-0042')).toBe('INV-2026-0042');
  });
});

function field(over: Partial<FormFieldView> & Pick<FormFieldView, 'name' | 'type'>): FormFieldView {
  return { label: over.name, required: false, sensitive: false, value: null, masked: false, ...over };
}

describe('task form inputs', () => {
  it('treats a field type the console does not know as text', () => {
    expect(fieldSpec(field({ name: 'signature', type: 'signature', required: true, label: 'Signature' }))).toEqual({
      name: 'signature',
      label: 'Signature',
      type: 'text',
      required: true,
      options: undefined,
      currencies: undefined,
      sensitive: false,
    });
    expect(fieldSpec(field({ name: 'total', type: 'money', currencies: ['EUR', 'USD'] }))).toMatchObject({ type: 'money', currencies: ['EUR', 'USD'] });
  });

  it('starts each input from the workflow’s value, in the form the input holds', () => {
    const fields = [
      field({ name: 'invoiceNumber', type: 'text', value: 'INV-2026-0042' }),
      field({ name: 'quantity', type: 'number', value: 12 }),
      field({ name: 'total', type: 'money', value: { amount: '1250.00', currency: 'EUR' } }),
      field({ name: 'fee', type: 'money', value: null, currencies: ['CHF', 'EUR'] }),
      field({ name: 'deposit', type: 'money', value: null }),
      field({ name: 'urgent', type: 'boolean', value: true }),
      field({ name: 'reviewed', type: 'boolean', value: 'true' }),
      field({ name: 'notes', type: 'textarea', value: { unexpected: 'object' } }),
      field({ name: 'iban', type: 'iban', value: 'DE89••••3000', sensitive: true, masked: true }),
    ];
    expect(initialInputs(fields)).toEqual({
      invoiceNumber: 'INV-2026-0042',
      quantity: '12',
      total: { amount: '1250.00', currency: 'EUR' },
      fee: { amount: '', currency: 'CHF' },
      deposit: { amount: '', currency: 'EUR' },
      urgent: true,
      reviewed: false,
      notes: '',
      iban: '',
    });
  });

  it('sends typed values, leaves empty optional fields out, and reads a decimal comma in numbers', () => {
    const fields = [
      field({ name: 'invoiceNumber', type: 'text', required: true }),
      field({ name: 'rate', type: 'number' }),
      field({ name: 'total', type: 'money', required: true, currencies: ['EUR'] }),
      field({ name: 'urgent', type: 'boolean', required: true }),
      field({ name: 'dueDate', type: 'date' }),
      field({ name: 'comment', type: 'textarea' }),
    ];
    const result = checkInputs(fields, {
      invoiceNumber: 'INV-2026-0042',
      rate: '1,5',
      total: { amount: ' 1250.00 ', currency: 'EUR' },
      urgent: false,
      dueDate: '2026-05-31',
      comment: '   ',
    });
    expect(result).toEqual({
      ok: true,
      values: { invoiceNumber: 'INV-2026-0042', rate: 1.5, total: { amount: '1250.00', currency: 'EUR' }, urgent: false, dueDate: '2026-05-31' },
    });
  });

  it('reads numbers only as people write them: no hexadecimal, binary or digit separators', () => {
    const fields = [field({ name: 'quantity', type: 'number' })];
    for (const written of ['0x10', '0b11', '1_000', 'Infinity', '12 pcs', '1.2.3'])
      expect(checkInputs(fields, { quantity: written }), written).toEqual({ ok: false, errors: { quantity: 'Must be a number' } });
    for (const [written, value] of [
      ['-3', -3],
      ['+12', 12],
      ['.5', 0.5],
      ['12,', 12],
      ['1e3', 1000],
    ] as const)
      expect(checkInputs(fields, { quantity: written }), written).toEqual({ ok: true, values: { quantity: value } });
  });

  it('says a required field is required rather than what type it must be, and names each problem under its field', () => {
    const fields = [
      field({ name: 'invoiceNumber', type: 'text', required: true }),
      field({ name: 'quantity', type: 'number', required: true }),
      field({ name: 'total', type: 'money', required: true, currencies: ['EUR', 'USD'] }),
      field({ name: 'decision', type: 'enum', options: ['approve', 'reject'] }),
      field({ name: 'dueDate', type: 'date' }),
      field({ name: 'rate', type: 'number' }),
      field({ name: 'receipt', type: 'document' }),
    ];
    const result = checkInputs(fields, {
      invoiceNumber: '  ',
      quantity: '',
      total: { amount: '', currency: 'EUR' },
      decision: 'maybe',
      dueDate: '2026-02-30',
      rate: 'twelve',
      receipt: 'invoice.pdf',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        invoiceNumber: 'Is required',
        quantity: 'Is required',
        total: 'Is required',
        decision: 'Must be one of: approve, reject',
        dueDate: 'Must be a date written YYYY-MM-DD',
        rate: 'Must be a number',
        receipt: 'Must be a document attached to this task',
      },
    });
  });

  it('checks one field as the person types: currency, amount spelling and IBAN check digits', () => {
    const total = field({ name: 'total', type: 'money', currencies: ['EUR', 'USD'] });
    expect(fieldProblem(total, { amount: '1250.00', currency: 'GBP' })).toBe('The currency must be one of EUR, USD');
    expect(fieldProblem(total, { amount: '1.250,00', currency: 'EUR' })).toMatch(/^Must be a decimal number written as a string/);
    expect(fieldProblem(total, { amount: '1250.00', currency: 'USD' })).toBeNull();
    const iban = field({ name: 'iban', type: 'iban', required: true });
    expect(fieldProblem(iban, 'DE89 3704 0044 0532 0130 00')).toBeNull();
    expect(fieldProblem(iban, 'DE89 3704 0044 0532 0130 01')).toBe('The check digits do not match: a character is mistyped');
    expect(fieldProblem(iban, '')).toBe('Is required');
    expect(fieldProblem(field({ name: 'urgent', type: 'boolean', required: true }), false)).toBeNull();
  });
});
