import { Checkbox, Group, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { FormFieldView, TaskDetail } from '@shared/contract/work';
import type { FieldInput } from './form-values';
import { IbanInput } from './IbanInput';
import { MaskedValue } from './MaskedValue';
import { MoneyInput } from './MoneyInput';

export interface FieldProps {
  field: FormFieldView;
  taskId: string;
  input: FieldInput;
  error?: string | undefined;
  disabled: boolean;
  documents: TaskDetail['documents'];
  onChange: (next: FieldInput) => void;
}

/** The input for one declared field type; unknown types fall back to text, as the core treats them. */
function Input({ field, input, error, disabled, documents, onChange }: Omit<FieldProps, 'taskId'>) {
  const common = { label: field.label, required: field.required, disabled, error };
  const text = typeof input === 'string' ? input : '';
  switch (field.type) {
    case 'textarea':
      return <Textarea {...common} autosize minRows={3} maxRows={12} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      // Kept as typed text: the schema, not the widget, decides what a number is.
      return <NumberInput {...common} value={text} onChange={(v) => onChange(String(v))} decimalSeparator="." allowDecimal hideControls />;
    case 'money':
      return (
        <MoneyInput
          {...common}
          currencies={field.currencies}
          value={typeof input === 'object' ? input : { amount: '', currency: field.currencies?.[0] ?? 'EUR' }}
          onChange={onChange}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} w={200} />;
    case 'enum':
      return <Select {...common} clearable={!field.required} data={field.options ?? []} value={text || null} onChange={(v) => onChange(v ?? '')} />;
    case 'boolean':
      return <Checkbox label={field.label} disabled={disabled} error={error} checked={input === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'iban':
      return <IbanInput {...common} value={text} onChange={onChange} />;
    case 'document':
      return (
        <Select
          {...common}
          placeholder={documents.length === 0 ? 'Attach the document under Documents first' : 'Choose an attached document'}
          data={documents.map((d) => ({ value: d.id, label: d.name }))}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
        />
      );
    default:
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}

/**
 * One field of a task's form. A sensitive value the workflow filled in arrives masked: the
 * input starts empty and the masked value is shown under it, to be unmasked (audited) into
 * the input by those allowed.
 */
export function FormFieldInput(props: FieldProps) {
  const { field, taskId, disabled, onChange } = props;
  return (
    <Stack gap={2} data-field={field.name}>
      <Input {...props} />
      {field.masked && (
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            Current value:
          </Text>
          <MaskedValue
            taskId={taskId}
            path={field.name}
            masked={field.value}
            onRevealed={(value) => !disabled && onChange(typeof value === 'string' ? value : '')}
          />
        </Group>
      )}
    </Stack>
  );
}
