import { expect } from 'chai';
import { safeError } from '#server/http/error-handler.js';

describe('safeError', () => {
  it('safeError(err) keeps only the first line of a failed-query message, without its parameters', () => {
    const err = new Error(
      'Failed query: insert into "responses" ("answers") values ($1)\nparams: {"TR1":4,"C1":"my firm name"}',
    );
    const safe = safeError(err);
    expect(safe.message).to.equal('Failed query: insert into "responses" ("answers") values ($1)');
    expect(JSON.stringify(safe)).not.to.include('my firm name');
  });

  it('safeError(err) drops an inline params tail and keeps stack frames only', () => {
    const err = new Error('duplicate key params: ["K7Q2M9XD"]');
    err.stack = 'Error: duplicate key params: ["K7Q2M9XD"]\n    at f (/x.ts:1:1)';
    const safe = safeError(err);
    expect(safe).to.deep.equal({ name: 'Error', message: 'duplicate key', stack: ['at f (/x.ts:1:1)'] });
  });

  it('safeError(non-error) turns anything thrown into a message', () => {
    expect(safeError('boom').message).to.equal('boom');
  });
});
