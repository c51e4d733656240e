-- An organisation's name is unique among the live organisations, held by the database so that two
-- parallel creates cannot both pass the check: uniqueName is the folded name of a live organisation
-- that claims it, NULL for people, deleted accounts and names allowed twice on purpose.
ALTER TABLE accounts_account ADD COLUMN uniqueName VARCHAR(255);
UPDATE accounts_account SET uniqueName = nameKey
 WHERE deletedAt IS NULL AND individual = FALSE
   AND id = (SELECT MIN(a.id) FROM accounts_account a
              WHERE a.nameKey = accounts_account.nameKey AND a.deletedAt IS NULL AND a.individual = FALSE);
CREATE UNIQUE INDEX accounts_account_unique_name ON accounts_account (uniqueName);
