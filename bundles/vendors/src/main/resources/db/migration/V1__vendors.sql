CREATE TABLE vendors_vendor (
    @RECORD_COLUMNS@,
    name        VARCHAR(255)  NOT NULL,
    code        VARCHAR(255),
    email       VARCHAR(254),
    phone       VARCHAR(40),
    website     VARCHAR(500),
    category    VARCHAR(255),
    taxCode     VARCHAR(255),
    street      VARCHAR(255),
    city        VARCHAR(100),
    state       VARCHAR(100),
    postalCode  VARCHAR(20),
    country     VARCHAR(100),
    glAccount   VARCHAR(255),
    description VARCHAR(4000)
);
CREATE UNIQUE INDEX vendors_vendor_number ON vendors_vendor (number);
CREATE INDEX vendors_vendor_created ON vendors_vendor (createdAt DESC, id DESC);
CREATE INDEX vendors_vendor_name ON vendors_vendor (name, id);
CREATE INDEX vendors_vendor_code ON vendors_vendor (code);

INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('VEN', 0);
