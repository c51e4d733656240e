-- Saved list views: a user's filters, search, sort and columns for one module, private or shared
-- with everyone; and each user's default view per module.
CREATE TABLE tessera_view (
    id          VARCHAR(36)    NOT NULL PRIMARY KEY,
    owner       VARCHAR(100)   NOT NULL,
    collection  VARCHAR(60)    NOT NULL,
    name        VARCHAR(100)   NOT NULL,
    shared      BOOLEAN        NOT NULL,
    q           VARCHAR(500),
    filters     VARCHAR(4000)  NOT NULL,
    sort        VARCHAR(500),
    columns     VARCHAR(4000),
    version     BIGINT         NOT NULL,
    created_at  TIMESTAMP      NOT NULL,
    updated_at  TIMESTAMP      NOT NULL
);
CREATE INDEX tessera_view_collection ON tessera_view (collection, owner);
CREATE TABLE tessera_view_default (
    username    VARCHAR(100)   NOT NULL,
    collection  VARCHAR(60)    NOT NULL,
    view_id     VARCHAR(36)    NOT NULL,
    PRIMARY KEY (username, collection)
);
