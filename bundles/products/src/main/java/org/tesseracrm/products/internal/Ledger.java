package org.tesseracrm.products.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.products.api.StockLine;

/** Stock arithmetic: quantities to three decimals, and tracked stock never below zero. */
final class Ledger {
    static final int SCALE = 3;

    private Ledger() {
    }

    /** The stock after moving {@code quantity}; a 409 when tracked stock would go below zero. */
    static BigDecimal apply(String productNumber, BigDecimal inStock, BigDecimal quantity) {
        BigDecimal after = inStock.add(quantity).setScale(SCALE);
        if (after.signum() < 0) {
            throw new ConflictException("Not enough stock of " + productNumber + ": " + inStock.stripTrailingZeros().toPlainString()
                    + " in stock, " + quantity.negate().stripTrailingZeros().toPlainString() + " asked for")
                    .with("qtyInStock", inStock);
        }
        return after;
    }

    /** A valid quantity to move: present, not zero, at most three decimals. */
    static BigDecimal quantity(String field, BigDecimal quantity) {
        if (quantity == null || quantity.signum() == 0) {
            throw new RuleViolationException(field, "must be a quantity other than zero");
        }
        if (quantity.stripTrailingZeros().scale() > SCALE) {
            throw new RuleViolationException(field, "must have at most " + SCALE + " decimals");
        }
        if (quantity.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
            throw new RuleViolationException(field, "is too large");
        }
        return quantity.setScale(SCALE);
    }

    /** The net quantity per product of a document's lines, in product id order (a stable lock order). */
    static Map<String, BigDecimal> net(List<StockLine> lines) {
        Map<String, BigDecimal> net = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            StockLine line = lines.get(i);
            if (line == null || line.productId == null || line.productId.isBlank()) {
                throw new RuleViolationException("lines[" + i + "].productId", "is required");
            }
            net.merge(line.productId, quantity("lines[" + i + "].quantity", line.quantity), BigDecimal::add);
        }
        Map<String, BigDecimal> moving = new LinkedHashMap<>();
        net.forEach((product, qty) -> {
            if (qty.signum() != 0) {
                moving.put(product, qty);
            }
        });
        return moving;
    }

    /** A quantity as people write it: 12, not 12.000 (stored exactly either way). */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
