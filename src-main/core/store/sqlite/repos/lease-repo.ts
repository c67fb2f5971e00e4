import { prepared } from '../prepared';
import type { SqliteDb } from '../connection';
import type { LeaseRepository, LeaseRow } from '../../repositories';

const SELECT = `SELECT holder, host, pid, fence, acquired_at AS acquiredAt, heartbeat_at AS heartbeatAt, expires_at AS expiresAt FROM engine_lease WHERE id = 1`;

export class SqliteLeaseRepository implements LeaseRepository {
  constructor(private readonly db: SqliteDb) {}

  async get(): Promise<LeaseRow | null> {
    return (prepared(this.db, SELECT).get() as LeaseRow | undefined) ?? null;
  }

  async tryAcquire(claim: { holder: string; host: string; pid: number; now: number; ttlMs: number }): Promise<{ acquired: boolean; lease: LeaseRow }> {
    const current = await this.get();
    if (current && current.holder !== claim.holder && current.expiresAt > claim.now) {
      return { acquired: false, lease: current };
    }
    const lease: LeaseRow = {
      holder: claim.holder,
      host: claim.host,
      pid: claim.pid,
      fence: (current?.fence ?? 0) + 1,
      acquiredAt: claim.now,
      heartbeatAt: claim.now,
      expiresAt: claim.now + claim.ttlMs,
    };
    prepared(
      this.db,
      `INSERT INTO engine_lease (id, holder, host, pid, fence, acquired_at, heartbeat_at, expires_at) VALUES (1, @holder, @host, @pid, @fence, @acquiredAt, @heartbeatAt, @expiresAt)
         ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, host = excluded.host, pid = excluded.pid, fence = excluded.fence,
           acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at`,
    ).run(lease);
    return { acquired: true, lease };
  }

  async renew(holder: string, fence: number, now: number, ttlMs: number): Promise<boolean> {
    const result = prepared(this.db, 'UPDATE engine_lease SET heartbeat_at = ?, expires_at = ? WHERE id = 1 AND holder = ? AND fence = ?').run(
      now,
      now + ttlMs,
      holder,
      fence,
    );
    return result.changes === 1;
  }

  async release(holder: string, fence: number): Promise<void> {
    prepared(this.db, 'UPDATE engine_lease SET expires_at = 0 WHERE id = 1 AND holder = ? AND fence = ?').run(holder, fence);
  }
}
