import { createTestDatabase, ForgetfulRedis, TestDatabase } from '@mockroom/server-testing';
import { expectLikeUndisturbed, FAULT_PRODUCT_ENV, type FaultRun, takeFaultAnswer } from './support/fault-answer';
import { RunningProduct, startProduct, tempDir } from './support/product';

/**
 * The product as `npm start` runs it, on a Redis that restarts in the middle of a spoken sentence, while its
 * transcription job is in flight, and comes back empty (no persistence): the answer ends as the same answer did with
 * no restart, with the same segments and a recording exact to the frame.
 */
describe('Redis restarting mid-answer', () => {
  let db: TestDatabase;
  let redis: ForgetfulRedis;
  let product: RunningProduct;
  let baseline: FaultRun;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_redis_restart');
    redis = await ForgetfulRedis.create();
    product = await startProduct({
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      MOCKROOM_DATA_DIR: tempDir('redis-restart'),
      ...FAULT_PRODUCT_ENV,
    });
  }, 90_000);

  afterAll(async () => {
    await product?.stop();
    await redis?.stop();
    await db?.drop();
  });

  it('takes the answer undisturbed first', async () => {
    baseline = await takeFaultAnswer(product.url, db.url, 'redis-baseline');
    expect(baseline.segments).toHaveLength(3);
    expect(baseline.recordingMs).toBe(baseline.spokenMs);
  }, 240_000);

  it('completes the answer with its transcript and an exact recording when Redis restarts empty mid-sentence', async () => {
    const run = await takeFaultAnswer(product.url, db.url, 'redis-restart', {
      afterMs: 1500,
      concurrent: true,
      strike: () => redis.restart(),
    });
    // Also: the review opens, so the scoring that followed the restart went through.
    expectLikeUndisturbed(run, baseline);
  }, 240_000);
});
