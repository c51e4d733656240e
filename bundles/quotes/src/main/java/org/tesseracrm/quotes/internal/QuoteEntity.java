package org.tesseracrm.quotes.internal;

import java.time.LocalDate;

import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;

import org.tesseracrm.commerce.persistence.DocumentEntity;
import org.tesseracrm.quotes.api.QuoteStage;

/** A row of {@code quotes_quote}; field names are the wire names. */
@Entity(name = "Quote")
@Table(name = "quotes_quote")
class QuoteEntity extends DocumentEntity {
    String potentialId;
    String accountId;
    String contactId;
    LocalDate validUntil;
    @Enumerated(EnumType.STRING)
    QuoteStage stage;
}
