package io.adtarget.http.archfixture;

import io.adtarget.application.service.ConversionSettings;

/** Violates "adapters never use the application services": only ArchitectureRulesRejectTest imports it. */
public final class HandlerUsingAService {
    public ConversionSettings settings() {
        return ConversionSettings.defaults();
    }
}
