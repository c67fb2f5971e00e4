import { runCli } from './run-cli';

// Entry of the `clearline` command under plain Node (bin/clearline.mjs loads the build of this file).
process.exitCode = await runCli(process.argv);
