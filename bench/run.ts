/** `npm run bench -- <name>`: runs one benchmark and prints its JSON on stdout. */
import { externalTasksBenchmark } from './external-tasks.js';

const BENCHMARKS: Record<string, () => Promise<Record<string, unknown>>> = {
  'external-tasks': externalTasksBenchmark,
  timers: async () => (await import('./timers.js')).timersBenchmark(),
  inbox: async () => (await import('./inbox.js')).inboxBenchmark(),
};

export async function runBenchmark(name: string): Promise<void> {
  const benchmark = BENCHMARKS[name];
  if (!benchmark) throw new Error(`未知基准 / unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  const result = await benchmark();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
