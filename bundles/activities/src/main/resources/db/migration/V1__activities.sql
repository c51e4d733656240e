-- Tasks, calls and meetings about records of any module. scheduledAt (a meeting's or call's start,
-- a task's due time) orders the calendar; remindAt/reminded let one node of a cluster claim each reminder.
CREATE TABLE activities_activity (
    @RECORD_COLUMNS@,
    kind              VARCHAR(20)   NOT NULL,
    subject           VARCHAR(255)  NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    priority          VARCHAR(20)   NOT NULL,
    dueAt             TIMESTAMP,
    startAt           TIMESTAMP,
    endAt             TIMESTAMP,
    durationMinutes   INTEGER,
    direction         VARCHAR(20),
    outcome           VARCHAR(1000),
    location          VARCHAR(500),
    description       VARCHAR(4000),
    assignedTo        VARCHAR(100),
    relatedCollection VARCHAR(60),
    relatedId         VARCHAR(36),
    accountId         VARCHAR(36),
    reminderMinutes   INTEGER,
    recurrence        VARCHAR(20)   NOT NULL,
    scheduledAt       TIMESTAMP,
    completedAt       TIMESTAMP,
    remindAt          TIMESTAMP,
    reminded          BOOLEAN       NOT NULL
);
CREATE UNIQUE INDEX activities_activity_number ON activities_activity (number);
CREATE INDEX activities_activity_created ON activities_activity (createdAt DESC, id DESC);
CREATE INDEX activities_activity_scheduled ON activities_activity (scheduledAt, id);
CREATE INDEX activities_activity_assignee ON activities_activity (assignedTo, status, scheduledAt);
CREATE INDEX activities_activity_related ON activities_activity (relatedId, scheduledAt);
CREATE INDEX activities_activity_account ON activities_activity (accountId, scheduledAt);
CREATE INDEX activities_activity_reminder ON activities_activity (reminded, remindAt);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('ACT', 0);
