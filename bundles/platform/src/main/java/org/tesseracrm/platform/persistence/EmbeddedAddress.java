package org.tesseracrm.platform.persistence;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** The columns of an {@link org.tesseracrm.platform.api.Address}; override names for a second address. */
@Embeddable
public class EmbeddedAddress {
    @Column(length = 255)
    protected String street;
    @Column(length = 100)
    protected String city;
    @Column(length = 100)
    protected String state;
    @Column(length = 20)
    protected String postalCode;
    @Column(length = 100)
    protected String country;
}
