package dev.gatehouse.console.rest.view;

/** A background as its form shows it: the level and the two lists as comma-separated text. */
public record BackgroundForm(String level, String first, String second) {
}
