/** One line of a verification result. `name` names the file or property checked. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export const pass = (name: string, detail: string): Check => ({ name, ok: true, detail });
export const fail = (name: string, detail: string): Check => ({ name, ok: false, detail });

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
