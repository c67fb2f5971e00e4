import { prepared } from '../prepared';
import type { SqliteDb } from '../connection';
import type { SiteRepository, SiteRow } from '../../repositories';

export class SqliteSiteRepository implements SiteRepository {
  constructor(private readonly db: SqliteDb) {}

  async get(): Promise<SiteRow | null> {
    const row = prepared(this.db, 'SELECT site_id AS siteId, name, created_at AS createdAt FROM site WHERE id = 1').get() as SiteRow | undefined;
    return row ?? null;
  }

  async create(row: SiteRow): Promise<void> {
    prepared(this.db, 'INSERT INTO site (id, site_id, name, created_at) VALUES (1, ?, ?, ?)').run(row.siteId, row.name, row.createdAt);
  }

  async getSecret(name: string): Promise<Buffer | null> {
    const row = prepared(this.db, 'SELECT value FROM site_secrets WHERE name = ?').get(name) as { value: Buffer } | undefined;
    return row?.value ?? null;
  }

  async putSecret(name: string, value: Buffer, createdAt: string): Promise<void> {
    prepared(this.db, 'INSERT INTO site_secrets (name, value, created_at) VALUES (?, ?, ?)').run(name, value, createdAt);
  }
}
