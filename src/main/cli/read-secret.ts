import { createInterface } from 'node:readline';

/**
 * Passwords reach the CLI from an environment variable or the first line of standard input, never
 * from the command line, where they would show in shell history and the process list.
 */
export async function readSecret(envName: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write(prompt);
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new CliError(`No password given: set ${envName} or pipe it on standard input.`);
}

/** A failure the CLI reports as one plain sentence, with exit code 1. */
export class CliError extends Error {}
