import { readdirSync } from 'node:fs';
import { expect } from 'chai';

// Every module of the pure packages loads on its own, in any order (no import cycle that leaves a
// binding undefined at load, no top-level work that needs a server). Type-only modules are loaded
// too, so the coverage floors of api/, scoring/ and surveys/ count their code, not their interfaces.
const PURE = ['api', 'scoring', 'surveys'];

const modules = PURE.flatMap((dir) =>
  (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => `${dir}/${f}`)
    .sort(),
);

describe('pure packages', () => {
  it('api/, scoring/ and surveys/ have modules to load', () => {
    for (const dir of PURE) expect(modules.some((m) => m.startsWith(`${dir}/`)), dir).to.equal(true);
  });

  for (const path of modules) {
    it(`${path} loads on its own`, async () => {
      const mod: unknown = await import(`#${path.replace(/\.ts$/, '.js')}`);
      expect(typeof mod).to.equal('object');
    });
  }
});
