import { fromEngineError, type Surface } from '../errors';

/** Runs an engine call, rethrowing its failure as the typed AppError pages and APIs show. */
export async function engineCall<T>(f: () => Promise<T>, surface: Surface = 'report'): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw fromEngineError(e, surface);
  }
}
