import { expect } from 'chai';
import path from 'node:path';
import { ConfigError, loadConfig } from '#server/config.js';

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loadConfig({}) gives the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).to.equal(3000);
    expect(c.host).to.equal('127.0.0.1');
    expect(c.databaseUrl).to.equal(undefined);
    expect(c.dataDir).to.equal(path.resolve('data'));
    expect(c.dbDir).to.equal(path.resolve('data/db'));
    expect(c.logLevel).to.equal('info');
    expect(c.bodyLimitBytes).to.equal(1024 * 1024);
    expect(c.seed).to.equal(true);
  });

  it('loadConfig(env) reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@localhost:5432/ci',
      DATA_DIR: '/tmp/x',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      BODY_LIMIT: '256kb',
      SEED: 'false',
      TRUST_PROXY: '1',
      CODE_SECRET: 'a'.repeat(32),
    });
    expect(c).to.include({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      dbDir: '/tmp/x/db',
      logLevel: 'warn',
      nodeEnv: 'production',
    });
    expect(c.databaseUrl).to.equal('postgres://u:p@localhost:5432/ci');
    expect(c.bodyLimitBytes).to.equal(256 * 1024);
    expect(c.seed).to.equal(false);
    expect(c.trustProxy).to.equal(1); // one hop: the proxy in front of the app
  });

  const bad: Array<[string, NodeJS.ProcessEnv]> = [
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '0' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x@y/z' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['BODY_LIMIT', { BODY_LIMIT: 'lots' }],
    ['BODY_LIMIT', { BODY_LIMIT: '1gb' }],
    ['SEED', { SEED: 'maybe' }],
    ['CODE_SECRET', { CODE_SECRET: 'short' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ddci.example.gov.vn' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ftp://ddci.example.gov.vn' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'https://admin:secret@ddci.example.gov.vn' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'https://ddci.example.gov.vn/?lang=en' }],
  ];
  for (const [variable, env] of bad) {
    it(`loadConfig(${JSON.stringify(env)}) names ${variable} in its error`, () => {
      const e = errorOf(env);
      expect(e.variable).to.equal(variable);
      expect(e.message).to.match(new RegExp(`^${variable}: `));
    });
  }

  it('loadConfig({PUBLIC_URL}) keeps the origin and path without a trailing slash; unset gives relative links', () => {
    expect(loadConfig({}).publicUrl).to.equal(undefined);
    expect(loadConfig({ PUBLIC_URL: 'https://DDCI.example.gov.vn/' }).publicUrl).to.equal(
      'https://ddci.example.gov.vn',
    );
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:8080/chi-so//' }).publicUrl).to.equal(
      'http://10.0.0.5:8080/chi-so',
    );
  });

  it('loadConfig({PUBLIC_URL: bad}) says what to set, in Vietnamese and English', () => {
    const e = errorOf({ PUBLIC_URL: 'ddci.example.gov.vn' });
    expect(e.message).to.include('https://ddci.example.gov.vn').and.include('(got "ddci.example.gov.vn")');
    expect(e.message).to.include('địa chỉ công khai');
  });
});
