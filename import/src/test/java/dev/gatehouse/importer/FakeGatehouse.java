package dev.gatehouse.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stands in for the services' import endpoints, with their contract: idempotent by the source row, and the
 * refusals they answer (email or phone already taken, bad input, a second pending request, an unknown account).
 * Can be told to fail after a number of calls, as a crash or an outage would.
 */
final class FakeGatehouse implements Gatehouse {

    final Map<String, UUID> sourceRows = new HashMap<>();
    final Map<String, UUID> emails = new HashMap<>();
    final Set<String> phones = new HashSet<>();
    final Set<UUID> accounts = new HashSet<>();
    final Set<String> companyIds = new HashSet<>();
    final Set<UUID> companies = new HashSet<>();
    final Set<String> memberships = new HashSet<>();
    final Set<String> pending = new HashSet<>();
    final List<Map<String, Object>> created = new ArrayList<>();
    int calls;
    int failAfter = Integer.MAX_VALUE;

    @Override
    public Answer send(String service, String path, Map<String, Object> body) {
        if (++calls > failAfter) {
            return Answer.failed("HTTP 503");
        }
        String key = body.get("sourceSystem") + "/" + body.get("sourceTable") + "/" + body.get("sourceId");
        if (sourceRows.containsKey(key)) {
            return Answer.alreadyImported(sourceRows.get(key));
        }
        String refusal = refusal(service, path, body);
        if (refusal != null) {
            return Answer.refused(refusal);
        }
        UUID id = path.contains("/members") ? UUID.fromString((String) body.get("userId")) : UUID.randomUUID();
        apply(path, body, id);
        sourceRows.put(key, id);
        created.add(body);
        return Answer.imported(id);
    }

    private String refusal(String service, String path, Map<String, Object> body) {
        if (path.equals("/internal/import/users")) {
            String hash = (String) body.get("passwordHash");
            String phone = (String) body.get("phoneNumber");
            if (!(hash.startsWith("$2") || hash.startsWith("pbkdf2:") || hash.startsWith("scrypt:")
                    || hash.matches("[0-9a-f]+:[0-9a-f]{128}"))) {
                return "validation_failed: passwordHash";
            }
            if (phone != null && !phone.matches("^\\+[1-9][0-9]{6,14}$")) {
                return "validation_failed: phoneNumber";
            }
            if (emails.containsKey(((String) body.get("email")).toLowerCase(Locale.ROOT))) {
                return "email_taken";
            }
            if (phone != null && phones.contains(phone)) {
                return "phone_taken";
            }
            return null;
        }
        if (path.startsWith("/internal/import/users/")) {
            return accounts.contains(UUID.fromString(path.split("/")[4])) ? null : "user_not_found";
        }
        if (path.equals("/internal/import/companies")) {
            return body.get("companyId") != null && companyIds.contains(body.get("companyId")) ? "company_id_taken"
                    : null;
        }
        if (path.equals("/internal/import/members")) {
            if (!companies.contains(UUID.fromString((String) body.get("companyId")))) {
                return "company_not_found";
            }
            return memberships.contains(body.get("companyId") + "/" + body.get("userId")) ? "already_member" : null;
        }
        if (path.equals("/internal/import/staff-approval-requests")) {
            String message = (String) body.get("message");
            if (message != null && message.length() > 1000) {
                return "validation_failed: message";
            }
            return "PENDING".equals(body.get("status"))
                    && pending.contains(body.get("companyId") + "/" + body.get("userId")) ? "request_pending" : null;
        }
        throw new IllegalArgumentException(service + " " + path);
    }

    private void apply(String path, Map<String, Object> body, UUID id) {
        if (path.equals("/internal/import/users")) {
            emails.put(((String) body.get("email")).toLowerCase(Locale.ROOT), id);
            if (body.get("phoneNumber") != null) {
                phones.add((String) body.get("phoneNumber"));
            }
            accounts.add(id);
        } else if (path.equals("/internal/import/companies")) {
            companies.add(id);
            if (body.get("companyId") != null) {
                companyIds.add((String) body.get("companyId"));
            }
            memberships.add(id + "/" + body.get("owner"));
        } else if (path.equals("/internal/import/members")) {
            memberships.add(body.get("companyId") + "/" + body.get("userId"));
        } else if (path.equals("/internal/import/staff-approval-requests") && "PENDING".equals(body.get("status"))) {
            pending.add(body.get("companyId") + "/" + body.get("userId"));
        }
    }
}
