package org.tesseracrm.products.api;

import java.math.BigDecimal;

import org.tesseracrm.platform.api.RecordDto;

/** A product or service salespeople sell from the catalogue. */
public class Product extends RecordDto {
    public String name;
    /** SKU; unique among live products. */
    public String code;
    public String category;
    public String manufacturer;
    public String vendorId;
    /** In {@link #currency}'s minor units. */
    public BigDecimal unitPrice;
    public String currency;
    /** Percent, e.g. 10 for 10 %. */
    public BigDecimal taxRate;
    public String usageUnit;
    /** False for services: no stock is kept. Defaults to true. */
    public Boolean stockTracked;
    /** The sum of the stock movements; read-only. */
    public BigDecimal qtyInStock;
    public BigDecimal reorderLevel;
    /** Defaults to true. */
    public Boolean active;
    public String description;
}
