import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Prints each entry's JavaScript size (the entry chunk plus every chunk it imports statically or
 * dynamically, gzip level 9) and fails the build when an entry exceeds its budget in KB.
 */
export function bundleBudget(budgetsKb: Record<string, number>): Plugin {
  return {
    name: 'bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      type Chunk = Extract<(typeof bundle)[string], { type: 'chunk' }>;
      const chunks = new Map<string, Chunk>();
      for (const file of Object.values(bundle)) if (file.type === 'chunk') chunks.set(file.fileName, file);
      const failures: string[] = [];
      for (const chunk of chunks.values()) {
        if (!chunk.isEntry) continue;
        const seen = new Set<string>();
        const visit = (name: string): void => {
          const c = chunks.get(name);
          if (!c || seen.has(name)) return;
          seen.add(name);
          for (const dep of [...c.imports, ...c.dynamicImports]) visit(dep);
        };
        visit(chunk.fileName);
        let bytes = 0;
        for (const name of seen) bytes += gzipSync(chunks.get(name)!.code, { level: 9 }).length;
        const kb = bytes / 1024;
        const budget = budgetsKb[chunk.name];
        const verdict =
          budget === undefined
            ? ''
            : kb <= budget
              ? ` (budget ${budget} KB: ok)`
              : ` (budget ${budget} KB: OVER)`;
        console.log(
          `bundle ${chunk.name}: ${kb.toFixed(1)} KB gzip JavaScript in ${seen.size} chunk(s)${verdict}`,
        );
        if (budget !== undefined && kb > budget)
          failures.push(`${chunk.name} ${kb.toFixed(1)} KB > ${budget} KB`);
      }
      if (failures.length) this.error(`JavaScript over budget: ${failures.join('; ')}`);
    },
  };
}
