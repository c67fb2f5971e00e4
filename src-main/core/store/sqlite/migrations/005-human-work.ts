export default {
  version: 5,
  name: 'human-work',
  sql: `
    -- Site settings changed under four-eyes control (e.g. the conflict matrix).
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    -- Configuration changes waiting for (or decided by) a second admin.
    CREATE TABLE config_changes (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      target TEXT NOT NULL,
      summary TEXT NOT NULL,
      details TEXT NOT NULL,
      payload TEXT NOT NULL,
      requested_by_id TEXT NOT NULL,
      requested_by TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
      decided_by_id TEXT,
      decided_by TEXT,
      decided_at TEXT,
      reason TEXT
    );
    CREATE INDEX config_changes_status ON config_changes (status, requested_at);
    CREATE INDEX config_changes_target ON config_changes (kind, target, status);

    CREATE TABLE tasks (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('task', 'approval', 'rework')),
      request_id TEXT NOT NULL,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      activation_id TEXT NOT NULL,
      step TEXT NOT NULL,
      title TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'completed', 'cancelled')),
      priority INTEGER NOT NULL,
      assignee_id TEXT,
      created_at TEXT NOT NULL,
      due_at TEXT,
      follow_up_at TEXT,
      escalation_level INTEGER NOT NULL DEFAULT 0,
      completed_at TEXT,
      completed_by TEXT,
      spec TEXT NOT NULL,
      -- Denormalised for lists and filters at 100,000 tasks.
      workflow_key TEXT NOT NULL,
      business_key TEXT,
      level_label TEXT
    );
    CREATE INDEX tasks_active_due ON tasks (status, due_at, priority);
    CREATE INDEX tasks_active_priority ON tasks (status, priority DESC, created_at);
    CREATE INDEX tasks_assignee ON tasks (assignee_id, status);
    CREATE INDEX tasks_request ON tasks (request_id);

    -- Who may take a task: roles and users (a task named for several is several rows).
    CREATE TABLE task_candidates (
      task_id TEXT NOT NULL REFERENCES tasks (id),
      kind TEXT NOT NULL CHECK (kind IN ('role', 'user')),
      name TEXT NOT NULL,
      PRIMARY KEY (task_id, kind, name)
    );
    CREATE INDEX task_candidates_name ON task_candidates (kind, name, task_id);

    CREATE TABLE task_comments (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      task_id TEXT NOT NULL REFERENCES tasks (id),
      author TEXT NOT NULL,
      at TEXT NOT NULL,
      text TEXT NOT NULL
    );
    CREATE INDEX task_comments_task ON task_comments (task_id, id);

    CREATE TABLE task_documents (
      task_id TEXT NOT NULL REFERENCES tasks (id),
      attachment_id TEXT NOT NULL,
      name TEXT NOT NULL,
      media_type TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      added_by TEXT NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (task_id, attachment_id)
    );

    -- One row per approval step run: its levels, where it stands, which round (a request for
    -- changes starts a new round; a data change voids the round's decisions).
    CREATE TABLE approvals (
      id TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES instances (id),
      activation_id TEXT NOT NULL,
      step TEXT NOT NULL,
      subject TEXT NOT NULL,
      levels TEXT NOT NULL,
      current_level INTEGER NOT NULL,
      round INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'changes-requested', 'approved', 'rejected', 'cancelled'))
    );

    CREATE TABLE approval_decisions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      approval_id TEXT NOT NULL REFERENCES approvals (id),
      round INTEGER NOT NULL,
      level INTEGER NOT NULL,
      user_id TEXT NOT NULL,
      username TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected', 'changes-requested')),
      comment TEXT,
      data_hash TEXT NOT NULL,
      at TEXT NOT NULL,
      voided INTEGER NOT NULL DEFAULT 0,
      break_glass INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX approval_decisions_approval ON approval_decisions (approval_id, round, level);

    CREATE TABLE delegations (
      user_id TEXT PRIMARY KEY REFERENCES users (id),
      delegate_id TEXT NOT NULL REFERENCES users (id),
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL
    );
    CREATE INDEX delegations_delegate ON delegations (delegate_id);

    CREATE TABLE notifications (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id),
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      link TEXT,
      created_at TEXT NOT NULL,
      read_at TEXT
    );
    CREATE INDEX notifications_user ON notifications (user_id, read_at, created_at);

    -- Durable deadlines of people's work (SLA breaches, escalation steps, follow-ups).
    CREATE TABLE work_timers (
      id TEXT PRIMARY KEY,
      task_id TEXT NOT NULL REFERENCES tasks (id),
      purpose TEXT NOT NULL,
      step INTEGER NOT NULL,
      due_at INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'fired', 'cancelled'))
    );
    CREATE INDEX work_timers_due ON work_timers (due_at) WHERE state = 'pending';
    CREATE INDEX work_timers_task ON work_timers (task_id);
  `,
};
