package org.tesseracrm.products.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.ModuleStorage;
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
 * Products on the platform's record machinery with {@link ProductRules}, and their stock: an append-only ledger whose sum is
 * {@code qtyInStock}. Every stock change locks the product row, so concurrent movements queue up
 * instead of losing updates.
 */
@Component(immediate = true, service = {ProductService.class, StockService.class, CollectionIndex.class})
public class ProductServiceImpl extends JpaRecordService<Product, ProductEntity> implements ProductService, StockService {
    @Activate
    public ProductServiceImpl(@Reference(target = "(tessera.module=products)") ModuleStorage storage) {
        super(storage, Product.class, ProductEntity.class, new ProductRules());
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
