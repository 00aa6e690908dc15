import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CLI } from './cli.js';

export interface ServeProcess {
  readonly url: string;
  /** Everything the process has printed on stdout so far. */
  output(): string;
  readonly exited: Promise<number | null>;
  stop(signal: NodeJS.Signals): void;
}

/** Starts the built `callwright serve` on a free port and resolves once it listens. */
export async function startServeProcess(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    env: { ...process.env, CALLWRIGHT_ADMIN_KEY: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let waited = 0; !/serving (\S+)/.test(stdout); waited += 50) {
    if (waited > 30_000 || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`serve did not start:\n${stdout}\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = /serving (\S+)/.exec(stdout)![1]!;
  return { url, output: () => stdout, exited, stop: (signal) => child.kill(signal) };
}
