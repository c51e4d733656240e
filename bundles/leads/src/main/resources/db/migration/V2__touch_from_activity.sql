-- A touch logged with a call or meeting of the activities module names it (its timeline shows the activity instead).
ALTER TABLE leads_touch ADD COLUMN activityId VARCHAR(36);
