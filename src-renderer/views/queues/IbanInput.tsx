import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { ibanProblem, normalizeIban } from '@shared/domain/iban';
import { sentence } from '../../forms/messages';

/** Groups of four, as IBANs are printed and read aloud. */
function grouped(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * An IBAN with its checksum checked as it is typed: a valid one is confirmed at once; a
 * problem is shown from the first time the person leaves the field (not while they are
 * still typing the first characters), then kept live.
 */
export function IbanInput({
  label,
  required,
  disabled,
  error,
  value,
  onChange,
}: {
  label: string;
  required: boolean;
  disabled: boolean;
  error?: string | undefined;
  value: string;
  onChange: (next: string) => void;
}) {
  const [left, setLeft] = useState(false);
  const problem = value.trim() ? ibanProblem(value) : null;
  const valid = value.trim() !== '' && problem === null;
  return (
    <TextInput
      label={label}
      required={required}
      disabled={disabled}
      spellCheck={false}
      autoComplete="off"
      className="mono"
      placeholder="DE89 3704 0044 0532 0130 00"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={() => {
        setLeft(true);
        if (valid) onChange(grouped(value));
      }}
      error={error ?? (left && problem ? sentence(problem) : undefined)}
      description={valid ? `Checksum valid · ${normalizeIban(value).slice(0, 2)}` : 'Checked as you type (ISO 13616 mod-97)'}
      rightSection={valid ? <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden /> : undefined}
    />
  );
}
