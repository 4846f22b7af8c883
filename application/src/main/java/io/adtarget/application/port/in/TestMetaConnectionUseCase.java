package io.adtarget.application.port.in;

import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.TestEventCode;
import io.vertx.core.Future;

/**
 * Admin API: sends one synthetic event with Meta's {@code test_event_code} through the delivery gateway,
 * with the site's pixel and token, and reports Meta's answer. Stores nothing.
 */
public interface TestMetaConnectionUseCase {
    Future<MetaConnectionTestResult> testMetaConnection(SiteId siteId, TestEventCode testEventCode);
}
