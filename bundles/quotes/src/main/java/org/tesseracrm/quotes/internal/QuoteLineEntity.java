package org.tesseracrm.quotes.internal;

import javax.persistence.Entity;
import javax.persistence.Table;

import org.tesseracrm.commerce.persistence.LineItemEntity;

/** A row of {@code quotes_line_item}. */
@Entity(name = "QuoteLine")
@Table(name = "quotes_line_item")
class QuoteLineEntity extends LineItemEntity {
}
