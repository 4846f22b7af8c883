package io.adtarget.application.port.in.archfixture;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import java.util.List;

/** An adapter type hidden in a generic argument of a port: only ArchitectureRulesRejectTest imports it. */
public interface ReportsRows {
    Future<List<Row>> rows();
}
