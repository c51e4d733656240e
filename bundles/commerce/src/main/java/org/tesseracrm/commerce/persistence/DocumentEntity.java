package org.tesseracrm.commerce.persistence;

import org.osgi.annotation.versioning.ConsumerType;
import java.math.BigDecimal;

import javax.persistence.AttributeOverride;
import javax.persistence.AttributeOverrides;
import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.MappedSuperclass;

import org.tesseracrm.commerce.api.TaxMode;
import org.tesseracrm.platform.persistence.EmbeddedAddress;
import org.tesseracrm.platform.persistence.RecordEntity;

/**
 * Columns every sales document has ({@link DocumentSchema#DOCUMENT_COLUMNS}); field names are the
 * wire names. The totals are stored so lists and reports read them without pricing again.
 */
@MappedSuperclass
@ConsumerType
public abstract class DocumentEntity extends RecordEntity {
    protected String subject;
    protected String currency;
    protected BigDecimal discountPercent;
    protected BigDecimal discountAmount;
    protected BigDecimal shippingAmount;
    protected BigDecimal shippingTaxRate;
    protected BigDecimal adjustment;
    @Enumerated(EnumType.STRING)
    protected TaxMode taxMode;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "street", column = @Column(name = "billingStreet")),
        @AttributeOverride(name = "city", column = @Column(name = "billingCity")),
        @AttributeOverride(name = "state", column = @Column(name = "billingState")),
        @AttributeOverride(name = "postalCode", column = @Column(name = "billingPostalCode")),
        @AttributeOverride(name = "country", column = @Column(name = "billingCountry"))})
    protected EmbeddedAddress billingAddress;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "street", column = @Column(name = "shippingStreet")),
        @AttributeOverride(name = "city", column = @Column(name = "shippingCity")),
        @AttributeOverride(name = "state", column = @Column(name = "shippingState")),
        @AttributeOverride(name = "postalCode", column = @Column(name = "shippingPostalCode")),
        @AttributeOverride(name = "country", column = @Column(name = "shippingCountry"))})
    protected EmbeddedAddress shippingAddress;
    protected String terms;
    protected String assignedTo;
    protected String description;
    protected BigDecimal subtotal;
    protected BigDecimal discountTotal;
    protected BigDecimal taxTotal;
    protected BigDecimal grandTotal;

    public String getCurrency() {
        return currency;
    }
}
