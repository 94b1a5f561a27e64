package dev.gatehouse.console.rest.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform admins' search form, as it was submitted, and the links to the pages of its results: the same search
 * with another {@code page} (0-based), so paging works with plain links, without JavaScript.
 */
public record UserQuery(String language, String framework, String platform, String deviceType, int page) {

    private static final String PATH = "/console/admin";

    public boolean any() {
        return language != null || framework != null || platform != null || deviceType != null;
    }

    /** The page a person reads, counted from 1. */
    public int pageNumber() {
        return page + 1;
    }

    public boolean hasPrevious(long totalPages) {
        return page > 0 && totalPages > 0;
    }

    /** The page before this one; past the end (an old link, results that shrank) it is the last page. */
    public String previousHref(long totalPages) {
        return href((int) Math.min(page - 1L, totalPages - 1));
    }

    public boolean hasNext(long totalPages) {
        return page + 1L < totalPages;
    }

    public String nextHref() {
        return href(page + 1);
    }

    /** This search on another page, with every term encoded. */
    String href(int target) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "language", language);
        add(parameters, "framework", framework);
        add(parameters, "platform", platform);
        add(parameters, "deviceType", deviceType);
        parameters.add("page=" + Math.max(0, target));
        return PATH + "?" + String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, String value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
