package dev.gatehouse.importer;

import java.util.Map;

/** The import endpoints of the services, by service ({@code auth}, {@code company}, {@code approval}) and path. */
public interface Gatehouse {

    Answer send(String service, String path, Map<String, Object> body);
}
