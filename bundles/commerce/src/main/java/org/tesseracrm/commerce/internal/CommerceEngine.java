package org.tesseracrm.commerce.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.commerce.api.DocumentEngine;
import org.tesseracrm.commerce.api.LineItem;
import org.tesseracrm.commerce.api.PricingRule;
import org.tesseracrm.commerce.api.SalesDocument;
import org.tesseracrm.commerce.api.TaxMode;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.References;
import org.tesseracrm.platform.api.spi.ServiceProperties;
import org.tesseracrm.printing.api.DocumentPrinter;
import org.tesseracrm.products.api.Product;
import org.tesseracrm.products.api.ProductService;
import org.tesseracrm.products.api.StockLine;
import org.tesseracrm.products.api.StockReason;
import org.tesseracrm.products.api.StockService;

/** Prices documents from the catalogue and moves their stock, using the products module when it is installed. */
@Component(service = DocumentEngine.class)
public class CommerceEngine implements DocumentEngine {
    static final String PRODUCTS = "products";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ProductService products;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile StockService stock;

    /** Partner pricing rules with their service properties, lowest ranking first (as DS sorts them). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, collectionType = CollectionType.TUPLE)
    volatile List<Map.Entry<Map<String, Object>, PricingRule>> rules = List.of();

    private final DocumentPdf printing;

    @Activate
    public CommerceEngine(@Reference DocumentPrinter printer, @Reference References references) {
        this.printing = new DocumentPdf(printer, references);
    }

    @Override
    public byte[] pdf(ModuleDescriptor module, SalesDocument document, Locale language) {
        return printing.print(module, document, language);
    }

    @Override
    public void price(String module, SalesDocument document) {
        if (document.currency == null) {
            document.currency = Money.DEFAULT_CURRENCY;
        } else if (!Money.isCurrency(document.currency)) {
            throw new RuleViolationException("currency", "is not an ISO 4217 currency code");
        }
        if (document.taxMode == null) {
            document.taxMode = TaxMode.PER_LINE;
        }
        if (document.lineItems == null) {
            document.lineItems = new ArrayList<>();
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < document.lineItems.size(); i++) {
            LineItem line = document.lineItems.get(i);
            if (line != null) {
                complete(line, "lineItems[" + i + "].", document.currency, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The document's lines are not valid: " + errors, errors);
        }
        List<Map.Entry<Map<String, Object>, PricingRule>> bound = rules;
        for (int i = bound.size() - 1; i >= 0; i--) {
            if (ServiceProperties.appliesTo(bound.get(i).getKey(), PricingRule.MODULES, module)) {
                bound.get(i).getValue().apply(module, document);
            }
        }
        TotalsCalculator.compute(document);
    }

    /** Fills what the client left out from the line's product; a line without a product names itself. */
    private void complete(LineItem line, String at, String currency, List<FieldError> errors) {
        if (line.productId != null) {
            Product product = product(line.productId, at, errors);
            if (product == null) {
                return;
            }
            if (line.name == null || line.name.isBlank()) {
                line.name = product.name;
            }
            if (line.unitPrice == null) {
                if (product.unitPrice == null) {
                    errors.add(new FieldError(at + "unitPrice", "is required: product " + product.code + " has no price"));
                } else if (!currency.equals(product.currency)) {
                    errors.add(new FieldError(at + "unitPrice", "is required: the product is priced in "
                            + product.currency + ", the document is in " + currency));
                } else {
                    line.unitPrice = product.unitPrice;
                }
            }
            if (line.taxRate == null) {
                line.taxRate = product.taxRate == null ? BigDecimal.ZERO : product.taxRate;
            }
        } else if (line.name == null || line.name.isBlank()) {
            errors.add(new FieldError(at + "name", "is required on a line without a product"));
        }
        if (line.name != null && line.name.length() > 255) {
            errors.add(new FieldError(at + "name", "must be at most 255 characters"));
        }
        if (line.description != null && line.description.length() > 4000) {
            errors.add(new FieldError(at + "description", "must be at most 4000 characters"));
        }
        if (line.taxRate == null) {
            line.taxRate = BigDecimal.ZERO;
        }
    }

    private Product product(String id, String at, List<FieldError> errors) {
        ProductService catalogue = products;
        if (catalogue == null) {
            errors.add(new FieldError(at + "productId", "the " + PRODUCTS + " module is not installed"));
            return null;
        }
        if (id.length() > 36) {
            errors.add(new FieldError(at + "productId", "no live product has id " + id));
            return null;
        }
        try {
            return catalogue.get(id);
        } catch (RecordNotFoundException e) {
            errors.add(new FieldError(at + "productId", "no live product has id " + id));
            return null;
        }
    }

    @Override
    public void moveStock(String documentType, String documentId, StockReason reason, List<LineItem> lines, String user) {
        int sign = reason == StockReason.PURCHASE_RECEIPT ? 1 : -1;
        List<StockLine> moves = new ArrayList<>();
        for (LineItem line : lines) {
            if (line.productId != null) {
                moves.add(new StockLine(line.productId, sign > 0 ? line.quantity : line.quantity.negate()));
            }
        }
        if (!moves.isEmpty()) {
            stockService().record(documentType, documentId, reason, moves, user);
        }
    }

    @Override
    public void returnStock(String documentType, String documentId, StockReason reason, List<LineItem> lines, String user) {
        if (lines.stream().anyMatch(l -> l.productId != null)) {
            stockService().reverse(documentType, documentId, reason, user);
        }
    }

    private StockService stockService() {
        StockService ledger = stock;
        if (ledger == null) {
            throw new RuleViolationException(PRODUCTS, "the " + PRODUCTS
                    + " module is not installed: the document's stock cannot be moved");
        }
        return ledger;
    }
}
