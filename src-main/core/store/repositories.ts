import type { AuditEvent, AuditRecord } from '@shared/domain/audit';

/**
 * The repositories a unit of work sees. Each method is async so that a PostgreSQL
 * implementation can replace the SQLite one without touching a caller. Repositories own
 * their SQL; nothing outside ./sqlite (or a future ./postgres) writes any.
 */
export interface Repositories {
  readonly site: SiteRepository;
  readonly lease: LeaseRepository;
  readonly audit: AuditRepository;
}

export interface SiteRow {
  siteId: string;
  name: string;
  createdAt: string;
}

export interface SiteRepository {
  get(): Promise<SiteRow | null>;
  create(row: SiteRow): Promise<void>;
  getSecret(name: string): Promise<Buffer | null>;
  putSecret(name: string, value: Buffer, createdAt: string): Promise<void>;
}

export interface LeaseRow {
  holder: string;
  host: string;
  pid: number;
  fence: number;
  acquiredAt: number;
  heartbeatAt: number;
  expiresAt: number;
}

export interface LeaseRepository {
  get(): Promise<LeaseRow | null>;
  /** Takes the lease if it is free, expired or already ours; returns the new row or the current holder's. */
  tryAcquire(claim: { holder: string; host: string; pid: number; now: number; ttlMs: number }): Promise<{ acquired: boolean; lease: LeaseRow }>;
  /** Extends our lease; false when it is no longer ours (another process took over). */
  renew(holder: string, fence: number, now: number, ttlMs: number): Promise<boolean>;
  release(holder: string, fence: number): Promise<void>;
}

export interface AuditRepository {
  /** Appends one event after the current head, computing its sequence number and hash. */
  append(record: AuditRecord, at: string): Promise<AuditEvent>;
  head(): Promise<AuditEvent | null>;
  /** Events with seq ≥ fromSeq in order; for verification and export. */
  range(fromSeq: number, limit: number): Promise<AuditEvent[]>;
}
