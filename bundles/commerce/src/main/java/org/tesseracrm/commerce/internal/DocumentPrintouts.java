package org.tesseracrm.commerce.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.commerce.persistence.DocumentService;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.Printout;
import org.tesseracrm.platform.api.spi.Printouts;
import org.tesseracrm.printing.api.DocumentPrinter;

/** The installed document modules' records as their PDFs, for the platform to send by e-mail. */
@Component(service = Printouts.class)
public class DocumentPrintouts implements Printouts {
    private final Map<String, DocumentService<?, ?, ?, ?>> documents = new ConcurrentHashMap<>();
    private final DocumentPrinter printer;

    @Activate
    public DocumentPrintouts(@Reference DocumentPrinter printer) {
        this.printer = printer;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindIndex(CollectionIndex index) {
        if (index instanceof DocumentService) {
            documents.put(index.collection(), (DocumentService<?, ?, ?, ?>) index);
        }
    }

    void unbindIndex(CollectionIndex index) {
        documents.remove(index.collection(), index);
    }

    @Override
    public Set<String> collections() {
        return Set.copyOf(documents.keySet());
    }

    @Override
    @SuppressWarnings({ "rawtypes", "unchecked" })
    public Printout print(String collection, String id, Locale language) {
        DocumentService service = documents.get(collection);
        if (service == null) {
            throw new IllegalArgumentException(collection + " are not printed");
        }
        org.tesseracrm.commerce.api.SalesDocument document = (org.tesseracrm.commerce.api.SalesDocument) service.get(id);
        String title = printer.label("title." + collection, language);
        title = title == null ? collection : title;
        return new Printout(title, title + " " + document.number + ".pdf", "application/pdf", service.pdf(document, language));
    }
}
