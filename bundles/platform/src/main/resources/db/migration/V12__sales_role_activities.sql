-- The shipped sales role works its own tasks, calls and meetings too (unless an administrator has
-- already decided what it grants on activities).
INSERT INTO tessera_role_grant (role, collection, access, scope)
    SELECT 'sales', 'activities', 'write', 'own' FROM tessera_role
    WHERE name = 'sales' AND NOT EXISTS (SELECT 1 FROM tessera_role_grant WHERE role = 'sales' AND collection = 'activities');
UPDATE tessera_role SET description = 'Works their own leads, accounts, contacts, deals, documents and activities; reads the catalogue and campaigns'
    WHERE name = 'sales' AND description = 'Works their own leads, accounts, contacts, deals and documents; reads the catalogue and campaigns';
