package org.tesseracrm.products.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.persistence.EntityManager;

import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.persistence.Conditions;
import org.tesseracrm.platform.persistence.RecordRules;
import org.tesseracrm.products.api.Product;

/**
 * A product is named by its name, priced in its currency, its code unique among live products; stock
 * starts at zero and changes only through the ledger; lists can ask for products below their reorder level.
 */
final class ProductRules implements RecordRules<Product, ProductEntity> {
    static final String BELOW_REORDER_LEVEL = "belowReorderLevel";

    @Override
    public String label(ProductEntity product) {
        return product.name;
    }

    @Override
    public void validate(Product product, ProductEntity existing, List<FieldError> errors) {
        String currency = product.currency == null ? Money.DEFAULT_CURRENCY : product.currency;
        if (!Money.isCurrency(currency)) {
            errors.add(new FieldError("currency", "is not an ISO 4217 currency code"));
        } else if (product.unitPrice != null && (product.unitPrice.signum() < 0
                || product.unitPrice.stripTrailingZeros().scale() > Money.scale(currency))) {
            errors.add(new FieldError("unitPrice", "must not be negative and have at most " + Money.scale(currency)
                    + " decimals in " + currency));
        }
        if (product.taxRate != null && (product.taxRate.signum() < 0 || product.taxRate.compareTo(BigDecimal.valueOf(100)) > 0
                || product.taxRate.stripTrailingZeros().scale() > 3)) {
            errors.add(new FieldError("taxRate", "must be a percentage between 0 and 100 with at most 3 decimals"));
        }
        if (product.reorderLevel != null && (product.reorderLevel.signum() < 0
                || product.reorderLevel.stripTrailingZeros().scale() > Ledger.SCALE)) {
            errors.add(new FieldError("reorderLevel", "must not be negative and have at most 3 decimals"));
        }
        if (existing != null && Boolean.FALSE.equals(product.stockTracked) && existing.qtyInStock.signum() != 0) {
            errors.add(new FieldError("stockTracked", "cannot be turned off while " + existing.qtyInStock.stripTrailingZeros()
                    .toPlainString() + " are in stock; adjust the stock to zero first"));
        }
    }

    @Override
    public void complete(ProductEntity entity, Product dto) {
        dto.unitPrice = entity.unitPrice == null ? null : Money.round(entity.unitPrice, entity.currency);
        dto.qtyInStock = Ledger.plain(entity.qtyInStock);
        dto.reorderLevel = Ledger.plain(entity.reorderLevel);
        dto.taxRate = Ledger.plain(entity.taxRate);
    }

    @Override
    public void beforeCreate(EntityManager em, ProductEntity product, Product record, String user) {
        product.qtyInStock = BigDecimal.ZERO.setScale(Ledger.SCALE);
        settle(em, product);
    }

    @Override
    public void beforeUpdate(EntityManager em, ProductEntity product, Product before, Product record, String user) {
        settle(em, product);
    }

    private static void settle(EntityManager em, ProductEntity product) {
        if (product.stockTracked == null) {
            product.stockTracked = true;
        }
        if (product.active == null) {
            product.active = true;
        }
        if (product.currency == null) {
            product.currency = Money.DEFAULT_CURRENCY;
        }
        product.unitPrice = Money.exact("unitPrice", product.unitPrice, product.currency);
        product.code = product.code == null || product.code.isBlank() ? null : product.code.trim();
        product.codeKey = product.code == null ? null : product.code.toLowerCase(Locale.ROOT);
        product.uniqueCode = product.codeKey;
        if (product.codeKey != null) {
            List<ProductEntity> same = em.createQuery("SELECT e FROM Product e WHERE e.deletedAt IS NULL"
                    + " AND e.codeKey = :code AND e.id <> :id", ProductEntity.class)
                    .setParameter("code", product.codeKey).setParameter("id", product.getId() == null ? "" : product.getId())
                    .setMaxResults(1).getResultList();
            if (!same.isEmpty()) {
                throw new ConflictException("Product code " + product.code + " is already used by " + same.get(0).getNumber())
                        .with("existingId", same.get(0).getId());
            }
        }
    }

    @Override
    public void beforeDelete(EntityManager em, ProductEntity product, String user) {
        product.uniqueCode = null; // a deleted product leaves its code free; restoring claims it again
    }

    @Override
    public Set<String> listParameters() {
        return Set.of(BELOW_REORDER_LEVEL);
    }

    @Override
    public void restrictList(ListQuery query, Conditions conditions) {
        String below = query.filters.get(BELOW_REORDER_LEVEL);
        if (below == null) {
            return;
        }
        if (below.equals("true")) {
            conditions.add("e.stockTracked = ? AND e.reorderLevel IS NOT NULL AND e.qtyInStock < e.reorderLevel", true);
        } else if (below.equals("false")) {
            // the complement: everything that is not below its reorder level
            conditions.add("(e.stockTracked = ? OR e.reorderLevel IS NULL OR e.qtyInStock >= e.reorderLevel)", false);
        } else {
            throw new InvalidRequestException(BELOW_REORDER_LEVEL + " must be true or false",
                    List.of(new FieldError(BELOW_REORDER_LEVEL, "must be true or false")));
        }
    }
}
