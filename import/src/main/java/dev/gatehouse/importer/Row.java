package dev.gatehouse.importer;

import java.util.Map;

/**
 * One source row, ready to send: its source id, the endpoint and body, or the reason it is refused before sending
 * ({@code refusal} set, {@code body} null). {@code note} says what was adjusted on the way (a phone made E.164).
 */
public record Row(String sourceId, String service, String path, Map<String, Object> body, String refusal,
        String note) {

    public static Row send(String sourceId, String service, String path, Map<String, Object> body, String note) {
        return new Row(sourceId, service, path, body, null, note);
    }

    public static Row refuse(String sourceId, String reason) {
        return new Row(sourceId, null, null, null, reason, null);
    }
}
