package org.tesseracrm.platform.api;

import org.osgi.annotation.versioning.ConsumerType;

/** An enum value with its English and Vietnamese labels, as the UI and /api/v1/modules show it. */
@ConsumerType
public interface Labeled {
    String labelEn();

    String labelVi();
}
