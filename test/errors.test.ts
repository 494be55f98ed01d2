import { describe, expect, it, vi } from 'vitest';
import { AppError, errorResponse, fromEngineError, STATUS } from '@/lib/errors';
import { EngineUnavailableError, SearchInputError } from '@/lib/search/types';

describe('typed errors', () => {
  it('maps codes to statuses and plain messages', () => {
    expect(STATUS).toEqual({ bad_request: 400, not_found: 404, unavailable: 503, internal: 500 });
    const e = new AppError('not_found:report');
    expect(e.toJSON()).toEqual({ ok: false, error: '未找到该内容。', code: 'not_found:report', status: 404 });
    expect(new AppError('bad_request:search', 'page 不能小于 1').toJSON()).toMatchObject({ error: 'page 不能小于 1', status: 400 });
  });

  it('turns engine failures into 400 (bad input) or 503 (anything else), hiding internals', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(fromEngineError(new SearchInputError('too many terms'), 'search').toJSON()).toMatchObject({ status: 400, code: 'bad_request:search' });
    expect(fromEngineError(new EngineUnavailableError('meili down'), 'search').toJSON()).toEqual({
      ok: false,
      error: '检索服务暂时不可用，请稍后再试。',
      code: 'unavailable:search',
      status: 503,
    });
    const internal = fromEngineError(new Error('SQLITE_CORRUPT at /srv/data/nianbao.sqlite'), 'report');
    expect(internal.status).toBe(503);
    expect(internal.message).not.toContain('/srv');
    expect(log).toHaveBeenCalledOnce(); // unexpected errors are logged for the operator
    log.mockRestore();
  });

  it('errorResponse sends the JSON body with the matching status', async () => {
    const r = errorResponse(new AppError('bad_request:api', 'format 只能是 json 或 csv'));
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(await r.json()).toEqual({ ok: false, error: 'format 只能是 json 或 csv', code: 'bad_request:api', status: 400 });
  });
});
