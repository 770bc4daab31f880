-- The portal's evidence submission and on-site sign-off.

-- Files saved with a draft wait for the submission; submitting stamps every waiting file of the task.
alter table evidence add column submitted_at timestamp;
update evidence set submitted_at = uploaded_at;

-- The narrative a department is writing, kept between visits until it submits.
create table evidence_draft (
    task_id     bigint primary key references rectification_task (id),
    narrative   text,
    updated_by  varchar(64)  not null,
    updated_at  timestamp    not null,
    version     bigint       not null default 0
);

-- What an on-site supervision sign-off records beside its date and findings.
alter table supervision_record add column place varchar(200);
alter table supervision_record add column participants varchar(500);
alter table supervision_record add column checked_items text;

create index supervision_record_task on supervision_record (task_id);
create index criticism_notice_inspection on criticism_notice (inspection_id, target_department);
