import type { ReactNode } from 'react';

/** Label–value pairs as a description list: read in pairs by screen readers, aligned in two columns on screen. */
export function Facts({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <dl className="cl-audit-facts" aria-label={label}>
      {children}
    </dl>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
