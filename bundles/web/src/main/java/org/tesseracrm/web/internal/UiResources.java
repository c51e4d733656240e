package org.tesseracrm.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** The UI's static files (HTML, CSS, JavaScript, translations) from this bundle, at {@code /ui/}. */
@Component(service = UiResources.class)
@HttpWhiteboardResource(pattern = "/ui/*", prefix = "/ui")
public class UiResources {
}
