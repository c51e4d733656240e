package org.tesseracrm.potentials.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Pipeline figures in one currency: per stage, and forecast by month of close date (lost ones left out). */
public class Pipeline {
    public String currency;
    public List<Row> stages;
    public List<Row> forecast;
    public Row total;

    /** Count, amount and weighted (forecast) amount of a group; {@code stage} or {@code month} names it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Row {
        public PotentialStage stage;
        /** YYYY-MM of the close date. */
        public String month;
        public long count;
        public BigDecimal amount;
        public BigDecimal weightedAmount;
    }
}
