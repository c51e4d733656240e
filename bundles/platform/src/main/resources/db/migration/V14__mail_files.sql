-- The files an e-mail carries (a quote's PDF), as they were when it was queued.
CREATE TABLE tessera_email_file (
    email_id      VARCHAR(36)   NOT NULL,
    seq           INT           NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(150)  NOT NULL,
    content       BLOB          NOT NULL,
    PRIMARY KEY (email_id, seq)
);
