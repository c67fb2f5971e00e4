import { Group, Input, Select, TextInput } from '@mantine/core';
import { CURRENCY_MINOR_UNITS } from '@shared/domain/currencies';

const ALL_CURRENCIES = Object.keys(CURRENCY_MINOR_UNITS).sort();

/**
 * An amount and its currency. The amount stays text (money never passes through a float);
 * the shared schema checks it is a plain decimal. The currencies are those the field allows,
 * or every ISO 4217 code.
 */
export function MoneyInput({
  label,
  required,
  disabled,
  error,
  value,
  currencies,
  onChange,
}: {
  label: string;
  required: boolean;
  disabled: boolean;
  error?: string | undefined;
  value: { amount: string; currency: string };
  currencies?: readonly string[] | undefined;
  onChange: (next: { amount: string; currency: string }) => void;
}) {
  const options = currencies && currencies.length > 0 ? [...currencies] : ALL_CURRENCIES;
  return (
    <Input.Wrapper label={label} required={required} error={error} description="Decimal amount, e.g. 1250.00">
      <Group gap={6} wrap="nowrap" align="flex-start">
        <TextInput
          aria-label={label}
          inputMode="decimal"
          placeholder="0.00"
          className="tabular"
          style={{ flex: 1 }}
          disabled={disabled}
          error={Boolean(error)}
          value={value.amount}
          onChange={(e) => onChange({ ...value, amount: e.currentTarget.value })}
        />
        <Select
          aria-label={`${label} currency`}
          w={100}
          searchable
          allowDeselect={false}
          disabled={disabled || options.length === 1}
          data={options}
          value={value.currency}
          onChange={(currency) => currency && onChange({ ...value, currency })}
        />
      </Group>
    </Input.Wrapper>
  );
}
