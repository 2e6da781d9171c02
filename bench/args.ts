import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** A benchmark's options; a wrong one is one line and exit 2, with the usage, not a stack trace. */
export function benchOptions<T extends ParseArgsOptionsConfig>(options: T, usage: string) {
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: ${usage}`);
    process.exit(2);
  }
}
