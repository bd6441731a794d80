import type { Plugin } from 'vite';

/**
 * Keeps only the catalogue entries whose id starts with `prefix` in the generated Vietnamese catalogue
 * (src/shared/locales/vi.ts, one `'id': text,` per line), for a bundle that shows no other text: the
 * answering pages use `answer.*` ids only, and the whole catalogue is most of their Vietnamese bytes.
 * The build fails if the bundle names an id it dropped (that text would show in English).
 */
export function catalogueSubset(prefix: string): Plugin {
  const dropped = new Set<string>();
  return {
    name: 'catalogue-subset',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/shared\/locales\/vi\.ts$/.test(id)) return undefined;
      const kept = code.split('\n').filter((line) => {
        const key = /^\s*'([^']*)': /.exec(line)?.[1];
        if (key === undefined || key.startsWith(prefix)) return true;
        dropped.add(key);
        return false;
      });
      return { code: kept.join('\n'), map: null };
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const named = (key: string) => ['"', "'", '`'].some((q) => file.code.includes(`${q}${key}${q}`));
        const missing = [...dropped].filter(named);
        if (missing.length > 0)
          this.error(`${file.fileName} uses catalogue ids outside '${prefix}*': ${missing.join(', ')}`);
      }
    },
  };
}
