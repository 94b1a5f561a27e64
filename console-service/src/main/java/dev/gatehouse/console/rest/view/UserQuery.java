package dev.gatehouse.console.rest.view;

/** The platform admins' search form, as it was submitted. */
public record UserQuery(String language, String framework, String platform, String deviceType, int page) {

    public boolean any() {
        return language != null || framework != null || platform != null || deviceType != null;
    }
}
