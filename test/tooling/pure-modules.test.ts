import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';

// The coverage floors of api/, scoring/ and surveys/ use c8 --all, which counts a module no test loads
// as 0 %: right for code, wrong for a module of interfaces only, which compiles to nothing. This suite
// loads exactly those type-only modules (loading modules with code here would muddle their coverage,
// which their own tests measure), and checks they really have no runtime code.
const PURE = ['api', 'scoring', 'surveys'];

/** No top-level statement but imports of types, type and interface declarations, and comments. */
const RUNTIME =
  /^(export\s+)?(default\s+)?(async\s+)?(const|let|var|function|class|enum)\b|^export\s+(\{|\*)/m;
const typeOnly = (path: string): boolean => !RUNTIME.test(readFileSync(path, 'utf8'));

const modules = PURE.flatMap((dir) =>
  (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => `${dir}/${f}`)
    .filter(typeOnly)
    .sort(),
);

describe('pure packages', () => {
  it('api/, scoring/ and surveys/ each have type-only modules (types.ts, payload types)', () => {
    for (const dir of PURE)
      expect(
        modules.some((m) => m.startsWith(`${dir}/`)),
        dir,
      ).to.equal(true);
  });

  for (const path of modules) {
    it(`${path} is types only: it loads and exports no value`, async () => {
      const mod = (await import(`#${path.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
      expect(Object.keys(mod)).to.deep.equal([]);
    });
  }
});
