import { expect } from 'chai';
import type { Methodology } from '#scoring/methodology/types.js';
import { methodologyHash } from '#scoring/methodology/hash.js';
import { tier } from '#scoring/tier.js';
import { importShippedPci } from '#server/import/run.js';
import { shippedMethodology } from '#server/publish/methodology-file.js';
import { publishImportedEditions } from '#server/releases/publish-imported.js';
import { publicKeyFromPem, verifyBytes } from '#server/releases/signing.js';
import { loadReleaseSet } from '#server/releases/store.js';
import { describeEachDatabase } from '#test/support/db.js';
import { testReleases } from '#test/support/releases.js';

describeEachDatabase('imported PCI releases with their methodology', (ctx) => {
  const db = () => ctx.database.db;
  let key: ReturnType<typeof testReleases>['key'];

  before(async function () {
    this.timeout(300_000);
    await importShippedPci(db());
    key = testReleases(db()).key;
    await publishImportedEditions(db(), key, 'pci');
  });

  it('publishImportedEditions(db, key, pci) attaches the shipped pci-2013…2016 methodology, and only published weights before', async () => {
    const set = await loadReleaseSet(db());
    const docs = set.current('pci').map((r) => r.document);
    expect(docs.map((d) => d.edition)).to.deep.equal([
      2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016,
    ]);
    for (const d of docs) {
      expect(d.origin.kind).to.equal('imported');
      if (d.edition < 2013) {
        expect((d.methodology.document as { kind: string }).kind).to.equal('published-weights');
        continue;
      }
      const shipped = shippedMethodology(`pci-${d.edition}`);
      expect(d.methodology.document).to.deep.equal(shipped);
      // The id names the regime the importer recorded, as on /api/v1/families (breaks in trends).
      expect(d.methodology).to.deep.include({ id: 'pci-2013', version: String(d.edition) });
      expect(d.methodology.hash).to.equal(methodologyHash(shipped));
    }
  });

  it('the attached cut-offs give every province the tier VCCI published (the legend is not a guess)', async () => {
    const set = await loadReleaseSet(db());
    for (const r of set.current('pci').filter((x) => x.document.edition >= 2013)) {
      const m = r.document.methodology.document as Methodology;
      const units = r.document.blocks[0]!.units;
      const applied = tier(
        units.map((u) => u.composite.value),
        m.tiers!,
      );
      expect(units.length).to.equal(63);
      units.forEach((u, i) => {
        expect(applied.tiers[i]?.label.code, `${r.document.edition} ${u.code}`).to.equal(u.tier?.code);
      });
    }
  });

  it('releases with the attached methodology are signed over their canonical bytes like any other', async () => {
    const set = await loadReleaseSet(db());
    const { publicKey } = publicKeyFromPem(key.publicKeyPem);
    for (const r of set.current('pci').filter((x) => x.document.edition >= 2013)) {
      const bytes = Buffer.from(r.text, 'utf8');
      expect(verifyBytes(publicKey, bytes, Buffer.from(r.signature, 'base64'))).to.equal(true);
      const at = bytes.indexOf('"methodology"');
      bytes[at] = bytes[at]! ^ 1;
      expect(verifyBytes(publicKey, bytes, Buffer.from(r.signature, 'base64'))).to.equal(false);
    }
  });
});
