#!/usr/bin/env node
import { processIo } from '../src/cli/io.ts';
import { runMain } from '../src/cli/main.ts';

// Output piped into a reader that stops early (`| head`) ends the command quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

process.exitCode = await runMain(process.argv.slice(2), processIo());
