-- Users, teams and roles live in the database, so every node of a cluster shares them. The password
-- column holds Karaf's JAAS encryption of the password (bcrypt, with its {CRYPT} markers).
CREATE TABLE tessera_user (
    name         VARCHAR(100) NOT NULL PRIMARY KEY,
    displayName  VARCHAR(200),
    email        VARCHAR(254),
    password     VARCHAR(500) NOT NULL,
    active       BOOLEAN      NOT NULL,
    createdAt    TIMESTAMP    NOT NULL,
    updatedAt    TIMESTAMP    NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE TABLE tessera_user_role (
    userName  VARCHAR(100) NOT NULL,
    role      VARCHAR(100) NOT NULL,
    PRIMARY KEY (userName, role)
);
CREATE TABLE tessera_team (
    name         VARCHAR(100) NOT NULL PRIMARY KEY,
    displayName  VARCHAR(200),
    manager      VARCHAR(100),
    createdAt    TIMESTAMP    NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE TABLE tessera_team_member (
    team      VARCHAR(100) NOT NULL,
    userName  VARCHAR(100) NOT NULL,
    PRIMARY KEY (team, userName)
);
CREATE INDEX tessera_team_member_user ON tessera_team_member (userName);
-- A role grants, per module (its collection, or * for every module), an access and a scope.
CREATE TABLE tessera_role (
    name         VARCHAR(100) NOT NULL PRIMARY KEY,
    label        VARCHAR(200),
    description  VARCHAR(1000),
    builtIn      BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE TABLE tessera_role_grant (
    role        VARCHAR(100) NOT NULL,
    collection  VARCHAR(60)  NOT NULL,
    access      VARCHAR(10)  NOT NULL,
    scope       VARCHAR(10)  NOT NULL,
    PRIMARY KEY (role, collection)
);
INSERT INTO tessera_role (name, label, description, builtIn, version) VALUES
    ('admin', 'Administrator', 'Everything, including users, roles, sample data and the audit trail', TRUE, 1),
    ('manager', 'Manager', 'Reads and changes every record of every module', TRUE, 1),
    ('viewer', 'Viewer', 'Reads every record of every module', TRUE, 1),
    ('sales', 'Salesperson', 'Works their own leads, accounts, contacts, deals and documents; reads the catalogue and campaigns', TRUE, 1);
INSERT INTO tessera_role_grant (role, collection, access, scope) VALUES
    ('admin', '*', 'write', 'all'),
    ('manager', '*', 'write', 'all'),
    ('viewer', '*', 'read', 'all'),
    ('sales', 'leads', 'write', 'own'),
    ('sales', 'accounts', 'write', 'own'),
    ('sales', 'contacts', 'write', 'own'),
    ('sales', 'potentials', 'write', 'own'),
    ('sales', 'quotes', 'write', 'own'),
    ('sales', 'sales-orders', 'write', 'own'),
    ('sales', 'invoices', 'write', 'own'),
    ('sales', 'products', 'read', 'all'),
    ('sales', 'campaigns', 'read', 'all');
