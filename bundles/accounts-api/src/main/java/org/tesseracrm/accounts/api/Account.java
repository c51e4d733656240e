package org.tesseracrm.accounts.api;

import java.math.BigDecimal;

import org.tesseracrm.platform.api.Address;
import org.tesseracrm.platform.api.RecordDto;

/**
 * An organisation that has been in touch (customer, partner, prospect, competitor…), or an
 * individual customer ({@code individual = true}, Khách hàng cá nhân).
 */
public class Account extends RecordDto {
    public String name;
    public Boolean individual;
    public AccountType type;
    public String industry;
    /** The account this one is a member of; no cycles. */
    public String parentId;
    public String phone;
    public String otherPhone;
    public String email;
    public String website;
    public String taxCode;
    public BigDecimal annualRevenue;
    public Integer employees;
    public String rating;
    public Address billingAddress;
    public Address shippingAddress;
    public String assignedTo;
    public String description;
    public Boolean emailOptOut;
}
