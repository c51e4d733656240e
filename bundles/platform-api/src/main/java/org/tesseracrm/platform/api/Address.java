package org.tesseracrm.platform.api;

/** A postal address, shared by leads, accounts, contacts and documents. */
public class Address {
    public String street;
    public String city;
    public String state;
    public String postalCode;
    public String country;
}
