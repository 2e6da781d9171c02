#!/usr/bin/env node
import { processIo } from '../src/cli/io.ts';
import { runMain } from '../src/cli/main.ts';

process.exitCode = await runMain(process.argv.slice(2), processIo());
