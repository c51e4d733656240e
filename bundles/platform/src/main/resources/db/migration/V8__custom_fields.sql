-- Fields administrators add to a module without code. Each is also a column cf_<name> of the
-- module's table (added when the field is), so lists filter and sort by it with an index.
CREATE TABLE tessera_custom_field (
    collection     VARCHAR(60)    NOT NULL,
    name           VARCHAR(60)    NOT NULL,
    type           VARCHAR(20)    NOT NULL,
    label_en       VARCHAR(200)   NOT NULL,
    label_vi       VARCHAR(200)   NOT NULL,
    required       BOOLEAN        NOT NULL,
    default_value  VARCHAR(4000),
    searchable     BOOLEAN        NOT NULL,
    filterable     BOOLEAN        NOT NULL,
    sortable       BOOLEAN        NOT NULL,
    unique_value   BOOLEAN        NOT NULL,
    picklist       VARCHAR(20000),
    references_to  VARCHAR(60),
    retired        BOOLEAN        NOT NULL,
    position       INTEGER        NOT NULL,
    created_at     TIMESTAMP      NOT NULL,
    created_by     VARCHAR(100),
    updated_at     TIMESTAMP      NOT NULL,
    updated_by     VARCHAR(100),
    PRIMARY KEY (collection, name)
);
