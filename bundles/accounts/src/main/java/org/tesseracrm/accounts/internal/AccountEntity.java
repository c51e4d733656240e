package org.tesseracrm.accounts.internal;

import java.math.BigDecimal;

import javax.persistence.AttributeOverride;
import javax.persistence.AttributeOverrides;
import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;

import org.tesseracrm.accounts.api.AccountType;
import org.tesseracrm.platform.persistence.EmbeddedAddress;
import org.tesseracrm.platform.persistence.RecordEntity;

/** A row of {@code accounts_account}; field names are the wire names. */
@Entity(name = "Account")
@Table(name = "accounts_account")
class AccountEntity extends RecordEntity {
    String name;
    /** The folded name that organisation uniqueness compares. */
    String nameKey;
    /** The folded name while this live organisation claims it (unique in the database), else null. */
    String uniqueName;
    Boolean individual;
    @Enumerated(EnumType.STRING)
    AccountType type;
    String industry;
    String parentId;
    String phone;
    String otherPhone;
    String email;
    String website;
    String taxCode;
    BigDecimal annualRevenue;
    Integer employees;
    String rating;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "street", column = @Column(name = "billingStreet")),
        @AttributeOverride(name = "city", column = @Column(name = "billingCity")),
        @AttributeOverride(name = "state", column = @Column(name = "billingState")),
        @AttributeOverride(name = "postalCode", column = @Column(name = "billingPostalCode")),
        @AttributeOverride(name = "country", column = @Column(name = "billingCountry"))})
    EmbeddedAddress billingAddress;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "street", column = @Column(name = "shippingStreet")),
        @AttributeOverride(name = "city", column = @Column(name = "shippingCity")),
        @AttributeOverride(name = "state", column = @Column(name = "shippingState")),
        @AttributeOverride(name = "postalCode", column = @Column(name = "shippingPostalCode")),
        @AttributeOverride(name = "country", column = @Column(name = "shippingCountry"))})
    EmbeddedAddress shippingAddress;
    String assignedTo;
    String description;
    Boolean emailOptOut;
}
