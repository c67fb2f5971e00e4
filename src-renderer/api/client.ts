import { createClient } from '@shared/contract/client';
import type { AuthProblem } from './auth-guard';
import { guardTransport } from './auth-guard';
import { chooseTransport } from './transport';

type ProblemListener = (problem: AuthProblem) => void;
const problemListeners = new Set<ProblemListener>();

/** The session gate listens here for refusals that end, lock or block the whole console. */
export function onAuthProblem(listener: ProblemListener): () => void {
  problemListeners.add(listener);
  return () => problemListeners.delete(listener);
}

const chosen = chooseTransport();

/** 'ipc' inside the desktop app, 'http' under `clearline serve`. */
export const transportKind = chosen.kind;

/** The one typed client of the page: every view calls the core through it. */
export const client = createClient(
  guardTransport(chosen.transport, (problem) => {
    for (const listener of [...problemListeners]) listener(problem);
  }),
);

/**
 * Operations the desktop host answers itself (not part of the contract): unlocking a site
 * whose data key is wrapped by the operator passphrase. They bypass the guard, since the
 * answer to a wrong passphrase belongs to the passphrase form.
 */
export const hostOps = {
  unlockSite: (passphrase: string): Promise<unknown> => chosen.transport.invoke('host.unlockSite', { passphrase }),
};
