import type { ReleaseDocument, ReleaseLinks, ReleaseRef, ReleaseStatus } from '#api/releases.js';

/** A stored release as the views need it: the document, its exact text, hash and signature. */
export interface StoredRelease {
  document: ReleaseDocument;
  text: string;
  sha256: string;
  signature: string;
  keyFingerprint: string;
}

export const releaseLinks = (id: string): ReleaseLinks => ({
  self: `/api/v1/releases/${id}`,
  signature: `/api/v1/releases/${id}/signature`,
  metadata: `/api/v1/releases/${id}/metadata`,
  rankings: `/api/v1/releases/${id}/rankings`,
});

/** Every release, with who supersedes whom and each edition's current release. */
export class ReleaseSet {
  readonly all: StoredRelease[];
  private readonly byId = new Map<string, StoredRelease>();
  private readonly supersededBy = new Map<string, string>();

  constructor(releases: StoredRelease[]) {
    this.all = [...releases].sort(
      (a, b) =>
        a.document.family.code.localeCompare(b.document.family.code) ||
        a.document.edition - b.document.edition ||
        a.document.sequence - b.document.sequence,
    );
    for (const r of this.all) {
      this.byId.set(r.document.id, r);
      if (r.document.supersedes) this.supersededBy.set(r.document.supersedes, r.document.id);
    }
  }

  get(id: string): StoredRelease | undefined {
    return this.byId.get(id);
  }

  status(id: string): { status: ReleaseStatus; supersededBy: string | null; current: string } {
    const next = this.supersededBy.get(id) ?? null;
    let current = id;
    while (this.supersededBy.has(current)) current = this.supersededBy.get(current)!;
    return { status: next ? 'superseded' : 'current', supersededBy: next, current };
  }

  /** The current release of every edition, oldest edition first. */
  current(family?: string): StoredRelease[] {
    return this.all.filter(
      (r) => !this.supersededBy.has(r.document.id) && (!family || r.document.family.code === family),
    );
  }

  currentOf(family: string, year: number): StoredRelease | undefined {
    return this.current(family).find((r) => r.document.edition === year);
  }

  ref(id: string): ReleaseRef {
    const d = this.byId.get(id)!.document;
    return {
      id,
      ...this.status(id),
      title: d.title,
      publishedAt: d.publishedAt,
      origin: d.origin,
      methodology: { id: d.methodology.id, version: d.methodology.version, hash: d.methodology.hash },
      links: releaseLinks(id),
    };
  }
}
