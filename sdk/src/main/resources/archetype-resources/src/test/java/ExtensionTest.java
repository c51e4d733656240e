package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.tesseracrm.commerce.api.LineItem;
import org.tesseracrm.commerce.api.SalesDocument;
import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.spi.RecordChange;

public class ExtensionTest {

    @Test
    public void leadsWithoutAWayToReachThemAreRefused() {
        Lead lead = new Lead();
        lead.lastName = "Nguyễn";
        List<FieldError> errors = new ArrayList<>();
        new ReachableLeads().beforeCommit(new RecordChange("leads", "CREATED", lead, null, "lan"), errors);
        assertEquals(1, errors.size());
        assertEquals(ReachableLeads.MESSAGE, errors.get(0).message);

        lead.mobile = "0903 123 456";
        errors.clear();
        new ReachableLeads().beforeCommit(new RecordChange("leads", "CREATED", lead, null, "lan"), errors);
        assertTrue(errors.isEmpty());
    }

    @Test
    public void tenUnitsOrMoreGetTheVolumeDiscount() {
        SalesDocument quote = new SalesDocument() { };
        quote.lineItems = new ArrayList<>();
        LineItem many = line("10");
        LineItem few = line("9");
        LineItem discounted = line("20");
        discounted.discountAmount = BigDecimal.ONE;
        quote.lineItems.add(many);
        quote.lineItems.add(few);
        quote.lineItems.add(discounted);
        new VolumeDiscount().apply("quotes", quote);
        assertEquals(VolumeDiscount.PERCENT, many.discountPercent);
        assertNull(few.discountPercent);
        assertNull(discounted.discountPercent);
    }

    private static LineItem line(String quantity) {
        LineItem line = new LineItem();
        line.name = "Giấy A4";
        line.quantity = new BigDecimal(quantity);
        line.unitPrice = BigDecimal.valueOf(60000);
        return line;
    }
}
