export default {
  version: 4,
  name: 'engine',
  sql: `
    -- Deployed versions are immutable: a new deployment is a new row.
    CREATE TABLE workflow_versions (
      id TEXT PRIMARY KEY,
      workflow_key TEXT NOT NULL,
      version INTEGER NOT NULL,
      name TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      source TEXT NOT NULL,
      source_file TEXT NOT NULL,
      definition TEXT NOT NULL,
      pins TEXT NOT NULL,
      deployed_by TEXT NOT NULL,
      deployed_at TEXT NOT NULL,
      UNIQUE (workflow_key, version),
      UNIQUE (workflow_key, content_hash)
    );
    CREATE TRIGGER workflow_versions_immutable BEFORE UPDATE ON workflow_versions
      BEGIN SELECT RAISE(ABORT, 'deployed workflow versions are immutable'); END;

    CREATE TABLE decision_table_versions (
      id TEXT PRIMARY KEY,
      table_key TEXT NOT NULL,
      version INTEGER NOT NULL,
      name TEXT,
      content_hash TEXT NOT NULL,
      source TEXT NOT NULL,
      source_file TEXT NOT NULL,
      model TEXT NOT NULL,
      deployed_by TEXT NOT NULL,
      deployed_at TEXT NOT NULL,
      UNIQUE (table_key, version),
      UNIQUE (table_key, content_hash)
    );
    CREATE TRIGGER decision_table_versions_immutable BEFORE UPDATE ON decision_table_versions
      BEGIN SELECT RAISE(ABORT, 'deployed decision table versions are immutable'); END;

    -- Site configuration of connector instances. Secrets live in connector_secrets and
    -- never leave the core.
    CREATE TABLE connector_instances (
      name TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      config TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE connector_secrets (
      connector TEXT NOT NULL REFERENCES connector_instances (name) ON DELETE CASCADE,
      name TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (connector, name)
    );

    CREATE TABLE instances (
      id TEXT PRIMARY KEY,
      workflow_key TEXT NOT NULL,
      workflow_version INTEGER NOT NULL,
      version_id TEXT NOT NULL REFERENCES workflow_versions (id),
      business_key TEXT,
      status TEXT NOT NULL,
      state TEXT NOT NULL,
      variables TEXT NOT NULL,
      provenance TEXT NOT NULL,
      data_hash TEXT NOT NULL,
      parent_id TEXT,
      parent_activation TEXT,
      started_by TEXT NOT NULL,
      started_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      ended_at TEXT,
      suspended INTEGER NOT NULL DEFAULT 0,
      needs_work INTEGER NOT NULL DEFAULT 0,
      revision INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX instances_runnable ON instances (needs_work) WHERE needs_work = 1;
    CREATE INDEX instances_status ON instances (status, workflow_key, started_at);
    CREATE INDEX instances_workflow ON instances (workflow_key, workflow_version);
    CREATE INDEX instances_business_key ON instances (business_key);
    CREATE INDEX instances_parent ON instances (parent_id);

    -- An instance's mailbox: effect results, timer firings, signals, operator requests,
    -- child completions. Consumed in order by the owner's transitions.
    CREATE TABLE instance_messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      message TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX instance_messages_instance ON instance_messages (instance_id, seq);

    -- Side effects leave through here after their transition is durable.
    CREATE TABLE outbox (
      id TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      activation_id TEXT NOT NULL,
      step TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      connector TEXT NOT NULL,
      action TEXT NOT NULL,
      input TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      timeout_ms INTEGER,
      status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed', 'in-doubt', 'abandoned')),
      attempted_at TEXT,
      dispatches INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      completed_at TEXT
    );
    CREATE INDEX outbox_pending ON outbox (status) WHERE status = 'pending';

    CREATE TABLE timers (
      id TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      activation_id TEXT NOT NULL,
      purpose TEXT NOT NULL,
      due_at INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'fired', 'cancelled'))
    );
    CREATE INDEX timers_due ON timers (due_at) WHERE state = 'pending';

    CREATE TABLE signal_subscriptions (
      instance_id TEXT NOT NULL REFERENCES instances (id),
      activation_id TEXT NOT NULL,
      name TEXT NOT NULL,
      correlation_key TEXT,
      PRIMARY KEY (instance_id, activation_id)
    );
    CREATE INDEX signal_subscriptions_match ON signal_subscriptions (name, correlation_key);

    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      activation_id TEXT NOT NULL,
      step TEXT NOT NULL,
      type TEXT NOT NULL,
      error TEXT NOT NULL,
      attempts INTEGER NOT NULL,
      inputs TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
      owner_role TEXT NOT NULL,
      severity TEXT NOT NULL,
      created_at TEXT NOT NULL,
      resolved_at TEXT,
      resolution TEXT,
      resolved_by TEXT
    );
    CREATE INDEX incidents_open ON incidents (status, created_at);
    CREATE INDEX incidents_instance ON incidents (instance_id);

  `,
};
