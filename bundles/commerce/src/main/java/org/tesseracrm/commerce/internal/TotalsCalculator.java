package org.tesseracrm.commerce.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tesseracrm.commerce.api.LineItem;
import org.tesseracrm.commerce.api.SalesDocument;
import org.tesseracrm.commerce.api.TaxMode;
import org.tesseracrm.commerce.api.Totals;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.api.RuleViolationException;

/**
 * The document arithmetic, exact and in the currency's minor units (half-up):
 * <ul>
 * <li>line: {@code gross = round(quantity × unitPrice)}, {@code discount = discountAmount} or
 * {@code round(gross × discountPercent / 100)}, {@code lineTotal = gross − discount};</li>
 * <li>{@code subtotal = Σ lineTotal}; document {@code discount = discountAmount} or
 * {@code round(subtotal × discountPercent / 100)};</li>
 * <li>the document discount lowers every line's tax base in proportion to its total; PER_LINE rounds
 * each line's tax, DOCUMENT rounds once per tax rate; shipping tax is {@code round(shipping × rate / 100)};</li>
 * <li>{@code grandTotal = subtotal − discount + tax + shipping + adjustment}, never below zero.</li>
 * </ul>
 * Every broken rule is collected and reported at once, by field path.
 */
final class TotalsCalculator {
    static final int QUANTITY_DECIMALS = 3;
    static final int PERCENT_DECIMALS = 3;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Largest amount a column holds: 15 integer digits. */
    private static final BigDecimal LIMIT = new BigDecimal("1E15");
    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

    private TotalsCalculator() {
    }

    /** Computes {@code lineTotal} of every line and the document's {@code totals}; the currency must be valid. */
    static void compute(SalesDocument d) {
        List<FieldError> errors = new ArrayList<>();
        String currency = d.currency;
        int scale = Money.scale(currency);
        List<LineItem> lines = d.lineItems == null ? List.of() : d.lineItems;
        BigDecimal subtotal = BigDecimal.ZERO.setScale(scale);
        for (int i = 0; i < lines.size(); i++) {
            LineItem line = lines.get(i);
            String at = "lineItems[" + i + "].";
            if (line == null) {
                errors.add(new FieldError("lineItems[" + i + "]", "must be a line item object"));
                continue;
            }
            int before = errors.size();
            if (line.quantity == null) {
                errors.add(new FieldError(at + "quantity", "is required"));
            } else if (line.quantity.signum() <= 0) {
                errors.add(new FieldError(at + "quantity", "must be greater than 0"));
            } else {
                decimals(at + "quantity", line.quantity, QUANTITY_DECIMALS, errors);
                limit(at + "quantity", line.quantity, errors);
            }
            if (line.unitPrice == null) {
                errors.add(new FieldError(at + "unitPrice", "is required (no catalogue price to default from)"));
            } else {
                amount(at + "unitPrice", line.unitPrice, currency, false, errors);
            }
            percent(at + "taxRate", line.taxRate, errors);
            percent(at + "discountPercent", line.discountPercent, errors);
            amount(at + "discountAmount", line.discountAmount, currency, false, errors);
            if (line.discountPercent != null && line.discountAmount != null) {
                errors.add(new FieldError(at + "discountAmount", "give discountPercent or discountAmount, not both"));
            }
            if (errors.size() > before) {
                continue;
            }
            BigDecimal gross = round(line.quantity.multiply(line.unitPrice), scale);
            BigDecimal discount = discountOf(gross, line.discountPercent, line.discountAmount, scale);
            if (discount.compareTo(gross) > 0) {
                errors.add(new FieldError(at + "discountAmount", "must not exceed quantity × unitPrice (" + gross + ")"));
                continue;
            }
            line.lineTotal = gross.subtract(discount);
            limit(at + "lineTotal", line.lineTotal, errors);
            subtotal = subtotal.add(line.lineTotal);
        }
        percent("discountPercent", d.discountPercent, errors);
        amount("discountAmount", d.discountAmount, currency, false, errors);
        if (d.discountPercent != null && d.discountAmount != null) {
            errors.add(new FieldError("discountAmount", "give discountPercent or discountAmount, not both"));
        }
        amount("shippingAmount", d.shippingAmount, currency, false, errors);
        percent("shippingTaxRate", d.shippingTaxRate, errors);
        amount("adjustment", d.adjustment, currency, true, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        BigDecimal discount = discountOf(subtotal, d.discountPercent, d.discountAmount, scale);
        if (discount.compareTo(subtotal) > 0) {
            throw invalid(List.of(new FieldError("discountAmount", "must not exceed the subtotal (" + subtotal + ")")));
        }
        BigDecimal net = subtotal.subtract(discount);
        BigDecimal tax = lineTax(lines, d.taxMode == null ? TaxMode.PER_LINE : d.taxMode, subtotal, net, scale);
        BigDecimal shipping = d.shippingAmount == null ? BigDecimal.ZERO.setScale(scale) : d.shippingAmount.setScale(scale);
        if (d.shippingTaxRate != null) {
            tax = tax.add(round(shipping.multiply(d.shippingTaxRate).divide(HUNDRED), scale));
        }
        BigDecimal adjustment = d.adjustment == null ? BigDecimal.ZERO.setScale(scale) : d.adjustment.setScale(scale);
        Totals totals = new Totals();
        totals.subtotal = subtotal;
        totals.discount = discount;
        totals.tax = tax;
        totals.shipping = shipping;
        totals.adjustment = adjustment;
        totals.grandTotal = net.add(tax).add(shipping).add(adjustment);
        if (totals.grandTotal.signum() < 0) {
            throw invalid(List.of(new FieldError("adjustment", "would make the grand total negative ("
                    + totals.grandTotal + ")")));
        }
        if (totals.grandTotal.abs().compareTo(LIMIT) >= 0 || subtotal.compareTo(LIMIT) >= 0) {
            throw invalid(List.of(new FieldError("lineItems", "the document's total is too large")));
        }
        d.totals = totals;
    }

    /** Tax on the lines after the document discount, which lowers each line's base by {@code net / subtotal}. */
    private static BigDecimal lineTax(List<LineItem> lines, TaxMode mode, BigDecimal subtotal, BigDecimal net, int scale) {
        BigDecimal tax = BigDecimal.ZERO.setScale(scale);
        if (subtotal.signum() == 0) {
            return tax;
        }
        if (mode == TaxMode.PER_LINE) {
            for (LineItem line : lines) {
                tax = tax.add(taxOn(line.lineTotal, rateOf(line), subtotal, net, scale));
            }
            return tax;
        }
        Map<BigDecimal, BigDecimal> byRate = new TreeMap<>();
        for (LineItem line : lines) {
            byRate.merge(rateOf(line).stripTrailingZeros(), line.lineTotal, BigDecimal::add);
        }
        for (Map.Entry<BigDecimal, BigDecimal> group : byRate.entrySet()) {
            tax = tax.add(taxOn(group.getValue(), group.getKey(), subtotal, net, scale));
        }
        return tax;
    }

    /** {@code round(base × (net / subtotal) × rate / 100)}, divided once at 34 digits so half-way cases stay exact. */
    private static BigDecimal taxOn(BigDecimal base, BigDecimal rate, BigDecimal subtotal, BigDecimal net, int scale) {
        BigDecimal numerator = base.multiply(net).multiply(rate);
        BigDecimal exact = numerator.divide(subtotal.multiply(HUNDRED), EXACT_ENOUGH);
        return round(exact, scale);
    }

    private static BigDecimal rateOf(LineItem line) {
        return line.taxRate == null ? BigDecimal.ZERO : line.taxRate;
    }

    private static BigDecimal discountOf(BigDecimal base, BigDecimal percent, BigDecimal amount, int scale) {
        if (amount != null) {
            return amount.setScale(scale);
        }
        if (percent != null) {
            return round(base.multiply(percent).divide(HUNDRED), scale);
        }
        return BigDecimal.ZERO.setScale(scale);
    }

    static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static void amount(String field, BigDecimal value, String currency, boolean signed, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (!signed && value.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
            return;
        }
        int scale = Money.scale(currency);
        if (value.stripTrailingZeros().scale() > scale) {
            errors.add(new FieldError(field, "must have at most " + scale + " decimals in " + currency));
            return;
        }
        limit(field, value, errors);
    }

    private static void percent(String field, BigDecimal value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            errors.add(new FieldError(field, "must be a percentage between 0 and 100"));
            return;
        }
        decimals(field, value, PERCENT_DECIMALS, errors);
    }

    private static void decimals(String field, BigDecimal value, int max, List<FieldError> errors) {
        if (value.stripTrailingZeros().scale() > max) {
            errors.add(new FieldError(field, "must have at most " + max + " decimals"));
        }
    }

    private static void limit(String field, BigDecimal value, List<FieldError> errors) {
        if (value.abs().compareTo(LIMIT) >= 0) {
            errors.add(new FieldError(field, "is too large"));
        }
    }

    private static RuleViolationException invalid(List<FieldError> errors) {
        return new RuleViolationException("The document's amounts are not valid: " + errors, errors);
    }
}
