package org.tesseracrm.vendors.api;

import org.tesseracrm.platform.api.Address;
import org.tesseracrm.platform.api.RecordDto;

/** A supplier of products. */
public class Vendor extends RecordDto {
    public String name;
    public String code;
    public String email;
    public String phone;
    public String website;
    public String category;
    public String taxCode;
    public Address address;
    /** The general-ledger account purchases from this vendor are booked to. */
    public String glAccount;
    public String description;
}
