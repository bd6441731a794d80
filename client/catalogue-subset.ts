import type { Plugin } from 'vite';

/**
 * Keeps only the catalogue entries whose id starts with `prefix` in the generated Vietnamese catalogue
 * (src/shared/locales/vi.ts, one `'id': text,` per line), for a bundle that shows no other text: the
 * answering pages use `answer.*` ids only, and the whole catalogue is most of their Vietnamese bytes.
 * A text of another prefix would show in English, which the answering e2e tests would catch.
 */
export function catalogueSubset(prefix: string): Plugin {
  return {
    name: 'catalogue-subset',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/shared\/locales\/vi\.ts$/.test(id)) return undefined;
      const kept = code
        .split('\n')
        .filter((line) => !/^\s*'[^']*': /.test(line) || line.trimStart().startsWith(`'${prefix}`));
      return { code: kept.join('\n'), map: null };
    },
  };
}
