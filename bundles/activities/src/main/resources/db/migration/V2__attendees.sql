-- The people who take part in an activity (a meeting's attendees): users by name, contacts and leads by id.
CREATE TABLE activities_attendee (
    activity_id VARCHAR(36)  NOT NULL,
    ordinal     INTEGER      NOT NULL,
    collection  VARCHAR(60)  NOT NULL,
    ref_id      VARCHAR(100) NOT NULL,
    PRIMARY KEY (activity_id, collection, ref_id)
);
-- whose calendar (a user's) and whose timeline (a contact's or lead's) it is on
CREATE INDEX activities_attendee_who ON activities_attendee (ref_id, collection);

-- a call or meeting about a lead that was also logged as one of its touches
ALTER TABLE activities_activity ADD COLUMN countsAsTouch BOOLEAN;
