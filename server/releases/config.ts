import path from 'node:path';

/** Where the release-signing key and the public static export live. */
export interface ReleaseSettings {
  /** RELEASE_KEY_FILE: the Ed25519 private key (PKCS#8 PEM, mode 0600), generated there on first start. */
  keyFile: string;
  /** PUBLIC_DIR: the static export the server serves public data from (a web server or CDN can serve it alone). */
  publicDir: string;
}

export function releaseSettings(dataDir: string, env: NodeJS.ProcessEnv = process.env): ReleaseSettings {
  return {
    keyFile: path.resolve(env.RELEASE_KEY_FILE || path.join(dataDir, 'release-signing-key.pem')),
    publicDir: path.resolve(env.PUBLIC_DIR || path.join(dataDir, 'public')),
  };
}
