-- Units (被巡察单位, issue 18): each is a Camunda tenant with the same id (ACT_ID_TENANT), so the engine keeps a
-- unit's process instances, tasks and history inside the unit. The inspection is the root of all of a unit's data.
-- unit_id stays nullable here: an existing database's inspections get theirs from the Java migration V11
-- (unit/UnitsUpgrade), new ones when they are registered.
create table unit (
    id          varchar(64)   primary key,
    name        varchar(200)  not null,
    short_name  varchar(100),
    created_at  timestamp     not null
);

alter table inspection add column unit_id varchar(64);
alter table inspection add constraint inspection_unit_fk foreign key (unit_id) references unit (id);
create index inspection_unit on inspection (unit_id);
