package org.tesseracrm.vendors.internal;

import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.tesseracrm.platform.persistence.EmbeddedAddress;
import org.tesseracrm.platform.persistence.RecordEntity;

/** A row of {@code vendors_vendor}; field names are the wire names. */
@Entity(name = "Vendor")
@Table(name = "vendors_vendor")
class VendorEntity extends RecordEntity {
    String name;
    String code;
    String email;
    String phone;
    String website;
    String category;
    String taxCode;
    @Embedded
    EmbeddedAddress address;
    String glAccount;
    String description;
}
