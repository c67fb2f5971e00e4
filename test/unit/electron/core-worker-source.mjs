// The core's worker thread run from its TypeScript source, so that tests start the real
// CoreThread without a build: tsx compiles the modules as the worker imports them, with
// the project's path alias (@shared). Built, this is out/main/core-worker.js.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../../../tsconfig.node.json', import.meta.url).pathname });
await import('../../../src-main/core/worker/core-worker.ts');
