-- Writes that are safe to send again (issue 24): the first answer to a request carrying an idempotency key, per
-- person, kept for a bounded time (rectiflow.idempotency.retention) and replayed to a repeat of the same request.
create table idempotent_request (
    user_id          varchar(64)   not null,
    idempotency_key  varchar(128)  not null,
    fingerprint      varchar(1000) not null,
    state            varchar(16)   not null,
    status           integer,
    content_type     varchar(255),
    location         varchar(2000),
    body             bytea,
    created_at       timestamp     not null,
    primary key (user_id, idempotency_key)
);

create index idempotent_request_created on idempotent_request (created_at);
