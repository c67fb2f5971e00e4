export default {
  version: 8,
  name: 'task-indexes',
  sql: `
    -- The work queue's sort orders, written as tasks.list orders (due date with undated
    -- tasks last, then id; priority; age), so that a page of 200 is read in order from an
    -- index instead of sorting every active task: at 100,000 open tasks that sort is seconds.
    -- The planner picks them once it has statistics (ANALYZE / PRAGMA optimize): it then
    -- knows that "status IN ('open', 'claimed')" keeps most of the table, and prefers reading
    -- in order and stopping after the page to filtering by status and sorting.
    CREATE INDEX tasks_queue_due ON tasks (coalesce(due_at, '9999'), id);
    CREATE INDEX tasks_queue_priority ON tasks (priority DESC, created_at, id);
    CREATE INDEX tasks_queue_created ON tasks (created_at, id);
    -- "My tasks": one person's tasks in due order.
    CREATE INDEX tasks_assignee_due ON tasks (assignee_id, coalesce(due_at, '9999'), id);
    -- Statistics for a site that already holds tasks; a new site gets them from PRAGMA optimize.
    ANALYZE tasks;
    ANALYZE task_candidates;
  `,
};
