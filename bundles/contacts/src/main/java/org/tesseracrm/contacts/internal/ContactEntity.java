package org.tesseracrm.contacts.internal;

import java.time.LocalDate;

import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;

import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.platform.persistence.EmbeddedAddress;
import org.tesseracrm.platform.persistence.RecordEntity;

/** A row of {@code contacts_contact}; field names are the wire names. */
@Entity(name = "Contact")
@Table(name = "contacts_contact")
class ContactEntity extends RecordEntity {
    String salutation;
    String firstName;
    String lastName;
    String accountId;
    String title;
    String department;
    String email;
    String secondaryEmail;
    String phone;
    String mobile;
    LocalDate birthday;
    @Enumerated(EnumType.STRING)
    LeadSource source;
    String reportsToId;
    Boolean doNotCall;
    Boolean emailOptOut;
    @Embedded
    EmbeddedAddress mailingAddress;
    String assignedTo;
    String description;
}
