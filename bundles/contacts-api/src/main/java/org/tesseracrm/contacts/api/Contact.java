package org.tesseracrm.contacts.api;

import java.time.LocalDate;

import org.tesseracrm.platform.api.Address;
import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.platform.api.RecordDto;

/** A person: an individual customer ({@code accountId} null) or someone at an organisation. */
public class Contact extends RecordDto {
    public String salutation;
    public String firstName;
    public String lastName;
    public String accountId;
    public String title;
    public String department;
    public String email;
    public String secondaryEmail;
    public String phone;
    public String mobile;
    public LocalDate birthday;
    public LeadSource source;
    public String reportsToId;
    public Boolean doNotCall;
    public Boolean emailOptOut;
    public Address mailingAddress;
    public String assignedTo;
    public String description;
}
