/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time, and the most inclusive
 * time, each with its share of the profile. Used for the "where the time goes" section of docs/benchmarks.md.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/simulate-campaign.js --variant file
 *   node dist/bench/cpu-profile-summary.js /tmp/prof/<file>.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';
import { argValue, sourcePosition } from './bench-support.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** `fn (src/store/sqlite/claim.ts:63)`: TypeScript positions where a source map exists, else the JS file. */
function label(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  const mapped = sourcePosition(url, lineNumber, columnNumber);
  if (mapped) return `${name} (${mapped})`;
  const path = url.replace(/^file:\/\//, '').replace(/^.*?\/(dist|node_modules)\//, '$1/');
  return `${name} (${path}:${lineNumber + 1})`;
}

export function summariseCpuProfile(profile: CpuProfile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

  const selfByLabel = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const key = label(byId.get(id)!);
    selfByLabel.set(key, (selfByLabel.get(key) ?? 0) + us);
  }

  // Inclusive time: each node's subtree, counted once per label along a path (recursion is not double counted).
  const inclusiveByLabel = new Map<string, number>();
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const key = label(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusiveByLabel.set(key, (inclusiveByLabel.get(key) ?? 0) + us);
    }
  }

  const table = (title: string, map: Map<string, number>, skip: (key: string) => boolean) => {
    const rows = [...map.entries()].filter(([k]) => !skip(k)).sort((a, b) => b[1] - a[1]);
    return [
      title,
      '      ms   share  function',
      ...rows
        .slice(0, top)
        .map(
          ([key, us]) =>
            `  ${(us / 1000).toFixed(0).padStart(6)} ${((100 * us) / totalUs).toFixed(1).padStart(6)}%  ${key}`,
        ),
    ];
  };
  const structural = (key: string) =>
    ['(root)', '(program)', '(idle)'].includes(key) || key.startsWith('(root');
  return [
    `profile: ${(totalUs / 1000).toFixed(0)} ms sampled`,
    ...table('top self time:', selfByLabel, () => false),
    ...table('top inclusive time:', inclusiveByLabel, structural),
  ];
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('cpu-profile-summary.js')) {
  const path = process.argv[2];
  if (!path || path.startsWith('--')) {
    console.error('usage: node dist/bench/cpu-profile-summary.js <file.cpuprofile> [--top N]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  console.log(summariseCpuProfile(profile, Number(argValue('top', '25'))).join('\n'));
}
