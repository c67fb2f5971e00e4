import type { SignedCheckpoint } from '../../../audit/checkpoints/checkpoint';
import type { AccumulatorState } from '../../../audit/merkle/accumulator';
import { prepared } from '../prepared';
import type { SqliteDb } from '../connection';
import type {
  CheckpointRow,
  CheckpointsRepository,
  CheckpointTrigger,
  DocumentSignerRow,
  DocumentSignersRepository,
  MerkleNode,
  MerkleNodesRepository,
  SigningKeyRow,
  SigningKeysRepository,
} from '../../evidence-repositories';

interface CheckpointDbRow {
  id: number;
  origin: string;
  tree_size: number;
  root_hash: string;
  signed_at: string;
  key_id: string;
  next_key_id: string | null;
  next_public_key: string | null;
  signature: string;
  trigger: CheckpointTrigger;
  witness_file: string | null;
  witness_error: string | null;
}

const CHECKPOINT_COLUMNS = 'id, origin, tree_size, root_hash, signed_at, key_id, next_key_id, next_public_key, signature, trigger, witness_file, witness_error';

function toCheckpointRow(r: CheckpointDbRow): CheckpointRow {
  const checkpoint: SignedCheckpoint = {
    origin: r.origin,
    treeSize: r.tree_size,
    rootHash: r.root_hash,
    time: r.signed_at,
    keyId: r.key_id,
    signature: r.signature,
  };
  if (r.next_key_id !== null && r.next_public_key !== null) checkpoint.nextKey = { keyId: r.next_key_id, publicKey: r.next_public_key };
  return { id: r.id, checkpoint, trigger: r.trigger, witnessFile: r.witness_file, witnessError: r.witness_error };
}

export class SqliteCheckpointsRepository implements CheckpointsRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(cp: SignedCheckpoint, trigger: CheckpointTrigger, frontier: AccumulatorState): Promise<number> {
    const result = prepared(
      this.db,
      `INSERT INTO audit_checkpoints (origin, tree_size, root_hash, signed_at, key_id, next_key_id, next_public_key, signature, trigger, frontier)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      cp.origin,
      cp.treeSize,
      cp.rootHash,
      cp.time,
      cp.keyId,
      cp.nextKey?.keyId ?? null,
      cp.nextKey?.publicKey ?? null,
      cp.signature,
      trigger,
      JSON.stringify(frontier),
    );
    return Number(result.lastInsertRowid);
  }

  async get(id: number): Promise<CheckpointRow | null> {
    const row = prepared(this.db, `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE id = ?`).get(id) as CheckpointDbRow | undefined;
    return row ? toCheckpointRow(row) : null;
  }

  async latest(): Promise<(CheckpointRow & { frontier: AccumulatorState }) | null> {
    const row = prepared(this.db, `SELECT ${CHECKPOINT_COLUMNS}, frontier FROM audit_checkpoints ORDER BY id DESC LIMIT 1`).get() as
      (CheckpointDbRow & { frontier: string }) | undefined;
    return row ? { ...toCheckpointRow(row), frontier: JSON.parse(row.frontier) as AccumulatorState } : null;
  }

  async covering(seq: number): Promise<CheckpointRow | null> {
    const row = prepared(this.db, `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE tree_size >= ? ORDER BY id DESC LIMIT 1`).get(seq) as
      CheckpointDbRow | undefined;
    return row ? toCheckpointRow(row) : null;
  }

  async page(beforeId: number | null, limit: number): Promise<CheckpointRow[]> {
    const rows = prepared(this.db, `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE id < ? ORDER BY id DESC LIMIT ?`).all(
      beforeId ?? Number.MAX_SAFE_INTEGER,
      limit,
    ) as CheckpointDbRow[];
    return rows.map(toCheckpointRow);
  }

  async all(): Promise<CheckpointRow[]> {
    return (prepared(this.db, `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY tree_size, signed_at, id`).all() as CheckpointDbRow[]).map(
      toCheckpointRow,
    );
  }

  async count(): Promise<{ total: number; unwitnessed: number }> {
    return prepared(this.db, 'SELECT count(*) AS total, count(*) FILTER (WHERE witness_file IS NULL) AS unwitnessed FROM audit_checkpoints').get() as {
      total: number;
      unwitnessed: number;
    };
  }

  async unwitnessed(limit: number): Promise<CheckpointRow[]> {
    return (
      prepared(this.db, `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE witness_file IS NULL ORDER BY id LIMIT ?`).all(limit) as CheckpointDbRow[]
    ).map(toCheckpointRow);
  }

  async setWitness(id: number, file: string | null, error: string | null): Promise<void> {
    prepared(this.db, 'UPDATE audit_checkpoints SET witness_file = ?, witness_error = ? WHERE id = ?').run(file, error, id);
  }
}

export class SqliteSigningKeysRepository implements SigningKeysRepository {
  private static readonly SELECT =
    'SELECT key_id AS keyId, public_key AS publicKey, created_at AS createdAt, retired_at AS retiredAt, retired_by_checkpoint AS retiredByCheckpoint FROM audit_signing_keys';

  constructor(private readonly db: SqliteDb) {}

  async list(): Promise<SigningKeyRow[]> {
    return prepared(this.db, `${SqliteSigningKeysRepository.SELECT} ORDER BY created_at, rowid`).all() as SigningKeyRow[];
  }

  async current(): Promise<SigningKeyRow | null> {
    return (prepared(this.db, `${SqliteSigningKeysRepository.SELECT} WHERE retired_at IS NULL`).get() as SigningKeyRow | undefined) ?? null;
  }

  async insert(row: Pick<SigningKeyRow, 'keyId' | 'publicKey' | 'createdAt'>): Promise<void> {
    prepared(this.db, 'INSERT INTO audit_signing_keys (key_id, public_key, created_at) VALUES (?, ?, ?)').run(row.keyId, row.publicKey, row.createdAt);
  }

  async retire(keyId: string, at: string, checkpointId: number): Promise<void> {
    prepared(this.db, 'UPDATE audit_signing_keys SET retired_at = ?, retired_by_checkpoint = ? WHERE key_id = ? AND retired_at IS NULL').run(
      at,
      checkpointId,
      keyId,
    );
  }
}

export class SqliteMerkleNodesRepository implements MerkleNodesRepository {
  constructor(private readonly db: SqliteDb) {}

  async put(nodes: readonly MerkleNode[]): Promise<void> {
    const insert = prepared(this.db, 'INSERT OR REPLACE INTO audit_merkle_nodes (level, idx, hash) VALUES (?, ?, ?)');
    for (const node of nodes) insert.run(node.level, node.index, node.hash);
  }

  async get(level: number, index: number): Promise<Buffer | null> {
    const row = prepared(this.db, 'SELECT hash FROM audit_merkle_nodes WHERE level = ? AND idx = ?').get(level, index) as { hash: Buffer } | undefined;
    return row?.hash ?? null;
  }
}

export class SqliteDocumentSignersRepository implements DocumentSignersRepository {
  constructor(private readonly db: SqliteDb) {}

  async current(): Promise<DocumentSignerRow | null> {
    return (
      (prepared(
        this.db,
        'SELECT fingerprint, subject, source, created_at AS createdAt, retired_at AS retiredAt FROM document_signers WHERE retired_at IS NULL',
      ).get() as DocumentSignerRow | undefined) ?? null
    );
  }

  async replace(row: Omit<DocumentSignerRow, 'retiredAt'>): Promise<void> {
    prepared(this.db, 'UPDATE document_signers SET retired_at = ? WHERE retired_at IS NULL').run(row.createdAt);
    prepared(
      this.db,
      `INSERT INTO document_signers (fingerprint, subject, source, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (fingerprint) DO UPDATE SET subject = excluded.subject, source = excluded.source, created_at = excluded.created_at, retired_at = NULL`,
    ).run(row.fingerprint, row.subject, row.source, row.createdAt);
  }
}
