package org.tesseracrm.products.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.ModuleSchema;
import org.tesseracrm.platform.persistence.Conditions;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.platform.persistence.RecordIds;
import org.tesseracrm.products.api.Product;
import org.tesseracrm.products.api.ProductEvents;
import org.tesseracrm.products.api.ProductService;
import org.tesseracrm.products.api.StockAdjustment;
import org.tesseracrm.products.api.StockLine;
import org.tesseracrm.products.api.StockMovement;
import org.tesseracrm.products.api.StockReason;
import org.tesseracrm.products.api.StockService;

/**
 * Products on the platform's record machinery, and their stock: an append-only ledger whose sum is
 * {@code qtyInStock}. Every stock change locks the product row, so concurrent movements queue up
 * instead of losing updates.
 */
@Component(immediate = true, service = {ProductService.class, StockService.class, CollectionIndex.class},
        property = CollectionIndex.PROPERTY + "=products")
public class ProductServiceImpl extends JpaRecordService<Product, ProductEntity> implements ProductService, StockService {
    static final String BELOW_REORDER_LEVEL = "belowReorderLevel";

    @Activate
    public ProductServiceImpl(@Reference(target = "(osgi.unit.name=tessera-products)") JpaTemplate jpa,
            @Reference(target = "(tessera.module=products)") ModuleDescriptor module,
            @Reference(target = "(" + ModuleSchema.PROPERTY + "=products)") ModuleSchema schema, @Reference RecordContext context) {
        super(module, Product.class, ProductEntity.class, jpa, context);
    }

    @Override
    protected String labelOf(ProductEntity product) {
        return product.name;
    }

    @Override
    protected void validate(Product product, ProductEntity existing, List<FieldError> errors) {
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
    protected void completeDto(ProductEntity entity, Product dto) {
        dto.unitPrice = entity.unitPrice == null ? null : Money.round(entity.unitPrice, entity.currency);
        dto.qtyInStock = Ledger.plain(entity.qtyInStock);
        dto.reorderLevel = Ledger.plain(entity.reorderLevel);
        dto.taxRate = Ledger.plain(entity.taxRate);
    }

    @Override
    protected void beforeCreate(EntityManager em, ProductEntity product, String user) {
        product.qtyInStock = BigDecimal.ZERO.setScale(Ledger.SCALE);
        settle(em, product);
    }

    @Override
    protected void beforeUpdate(EntityManager em, ProductEntity product, Product before, String user) {
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
    protected void beforeDelete(EntityManager em, ProductEntity product, String user) {
        product.uniqueCode = null; // a deleted product leaves its code free; restoring claims it again
    }

    @Override
    protected Set<String> listParameters() {
        return Set.of(BELOW_REORDER_LEVEL);
    }

    @Override
    protected void restrictList(ListQuery query, Conditions conditions) {
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

    // ---- the stock ledger ----

    @Override
    public List<StockMovement> movements(String productId) {
        return read(em -> {
            findLive(em, productId);
            List<StockMovement> movements = new ArrayList<>();
            for (StockMovementEntity m : em.createQuery("SELECT m FROM StockMovement m WHERE m.productId = :id"
                    + " ORDER BY m.at DESC, m.id DESC", StockMovementEntity.class)
                    .setParameter("id", productId).setHint("eclipselink.read-only", "true").getResultList()) {
                movements.add(m.toDto());
            }
            return movements;
        });
    }

    @Override
    public StockMovement adjust(String productId, StockAdjustment adjustment, String user) {
        BigDecimal quantity = Ledger.quantity("quantity", adjustment.quantity);
        String reason = adjustment.reason == null ? "" : adjustment.reason.trim();
        if (reason.isEmpty()) {
            throw new RuleViolationException("reason", "is required: say why the stock changes");
        }
        String note = reason;
        if (isReasonName(reason)) {
            if (!reason.equals(StockReason.ADJUSTMENT.name())) {
                throw new RuleViolationException("reason", reason + " movements come from documents, not manual adjustments");
            }
            note = adjustment.note;
        } else if (adjustment.note != null && !adjustment.note.isBlank()) {
            note = reason + ": " + adjustment.note;
        }
        if (note != null && note.length() > 4000) {
            throw new RuleViolationException("note", "must be at most 4000 characters");
        }
        String text = note;
        StockMovementEntity saved = write(em -> {
            ProductEntity product = lockLive(em, productId);
            if (!product.stockTracked) {
                throw new RuleViolationException("productId", "product " + product.getNumber() + " does not track stock");
            }
            return move(em, product, quantity, StockReason.ADJUSTMENT, null, null, text, user);
        });
        return saved.toDto();
    }

    private static boolean isReasonName(String reason) {
        for (StockReason r : StockReason.values()) {
            if (r.name().equals(reason)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<StockMovement> record(String documentType, String documentId, StockReason reason, List<StockLine> lines,
            String user) {
        checkDocument(documentType, documentId, reason);
        if (reason == StockReason.CANCELLATION || reason == StockReason.ADJUSTMENT) {
            throw new RuleViolationException("reason", reason + " is not a document movement; use reverse or adjust");
        }
        Map<String, BigDecimal> net = Ledger.net(lines == null ? List.of() : lines);
        List<StockMovementEntity> moved = write(em -> {
            List<StockMovementEntity> done = documentMovements(em, documentType, documentId, reason);
            if (!done.isEmpty()) {
                return done; // this document already moved its stock
            }
            List<StockMovementEntity> movements = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> line : net.entrySet()) {
                ProductEntity product = lock(em, line.getKey());
                if (product.stockTracked) {
                    movements.add(move(em, product, line.getValue(), reason, documentType, documentId, null, user));
                }
            }
            return movements;
        });
        return dtos(moved);
    }

    @Override
    public List<StockMovement> reverse(String documentType, String documentId, StockReason reason, String user) {
        checkDocument(documentType, documentId, reason);
        List<StockMovementEntity> moved = write(em -> {
            List<StockMovementEntity> reversed = documentMovements(em, documentType, documentId, StockReason.CANCELLATION);
            if (!reversed.isEmpty()) {
                return reversed; // already taken back
            }
            List<StockMovementEntity> movements = new ArrayList<>();
            for (StockMovementEntity original : documentMovements(em, documentType, documentId, reason)) {
                ProductEntity product = lock(em, original.productId);
                movements.add(move(em, product, original.quantity.negate(), StockReason.CANCELLATION, documentType,
                        documentId, "reverses " + reason, user));
            }
            return movements;
        });
        return dtos(moved);
    }

    private static void checkDocument(String documentType, String documentId, StockReason reason) {
        if (documentType == null || documentType.isBlank() || documentType.length() > 64
                || documentId == null || documentId.isBlank() || documentId.length() > 36 || reason == null) {
            throw new IllegalArgumentException("A document movement needs a document type, a document id and a reason");
        }
    }

    private static List<StockMovementEntity> documentMovements(EntityManager em, String type, String id, StockReason reason) {
        return em.createQuery("SELECT m FROM StockMovement m WHERE m.documentType = :type AND m.documentId = :id"
                + " AND m.reason = :reason ORDER BY m.productId", StockMovementEntity.class)
                .setParameter("type", type).setParameter("id", id).setParameter("reason", reason).getResultList();
    }

    /** The product row, locked until the transaction ends (documents may move stock of recycled products). */
    private ProductEntity lock(EntityManager em, String productId) {
        ProductEntity product = em.find(ProductEntity.class, productId, LockModeType.PESSIMISTIC_WRITE);
        if (product == null) {
            throw new RuleViolationException("productId", "no product has id " + productId);
        }
        return product;
    }

    /** A live product, locked; 404 like any other missing record. */
    private ProductEntity lockLive(EntityManager em, String productId) {
        ProductEntity product = productId == null ? null : em.find(ProductEntity.class, productId, LockModeType.PESSIMISTIC_WRITE);
        if (product == null || product.isDeleted()) {
            throw new RecordNotFoundException(module.name(), productId);
        }
        remember(product);
        return product;
    }

    private StockMovementEntity move(EntityManager em, ProductEntity product, BigDecimal quantity, StockReason reason,
            String documentType, String documentId, String note, String user) {
        product.qtyInStock = Ledger.apply(product.getNumber(), product.qtyInStock, quantity);
        stamp(product, user);
        StockMovementEntity m = new StockMovementEntity();
        m.id = RecordIds.newId();
        m.productId = product.getId();
        m.quantity = quantity;
        m.reason = reason;
        m.balance = product.qtyInStock;
        m.documentType = documentType;
        m.documentId = documentId;
        m.note = note;
        m.at = now();
        m.by = user;
        em.persist(m);
        context().post(new Event(ProductEvents.STOCK_CHANGED, Map.of(RecordEvents.PROPERTY_ID, product.getId(),
                "quantity", quantity.toPlainString(), "qtyInStock", product.qtyInStock.toPlainString())));
        return m;
    }

    private static List<StockMovement> dtos(List<StockMovementEntity> entities) {
        List<StockMovement> result = new ArrayList<>(entities.size());
        for (StockMovementEntity m : entities) {
            result.add(m.toDto());
        }
        return result;
    }
}
