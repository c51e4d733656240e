package ${package};

import java.math.BigDecimal;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.commerce.api.LineItem;
import org.tesseracrm.commerce.api.PricingRule;
import org.tesseracrm.commerce.api.SalesDocument;

/** A pricing rule: lines of 10 units or more get 5 % off, unless they carry a discount already. */
@Component
public class VolumeDiscount implements PricingRule {
    static final BigDecimal THRESHOLD = BigDecimal.TEN;
    static final BigDecimal PERCENT = BigDecimal.valueOf(5);

    @Override
    public void apply(String module, SalesDocument document) {
        if (document.lineItems == null) {
            return;
        }
        for (LineItem line : document.lineItems) {
            if (line != null && line.quantity != null && line.quantity.compareTo(THRESHOLD) >= 0
                    && line.discountPercent == null && line.discountAmount == null) {
                line.discountPercent = PERCENT;
            }
        }
    }
}
