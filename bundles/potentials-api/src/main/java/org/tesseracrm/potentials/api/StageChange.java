package org.tesseracrm.potentials.api;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of a potential's stage history. */
public class StageChange {
    public PotentialStage stage;
    public BigDecimal amount;
    public Integer probability;
    public Instant at;
    public String by;
}
