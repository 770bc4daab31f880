-- The lists of the ledger filter one inspection's tasks by lead department, responsible leader, outcome and deadline,
-- and count them grouped by the same columns; each index leads with the inspection so a list reads only its own rows.
-- (The unique (inspection_id, code) constraint already serves "all tasks of an inspection".)
create index rectification_task_department on rectification_task (inspection_id, lead_department);
create index rectification_task_leader on rectification_task (inspection_id, responsible_leader);
create index rectification_task_status on rectification_task (inspection_id, status);
create index rectification_task_deadline on rectification_task (inspection_id, deadline);
-- The problem list joins problems to their categories.
create index problem_category_id on problem (category_id);
