package dev.gatehouse.common.rest;

import java.util.List;

/** One page of a longer list, as every Gatehouse list endpoint answers it; {@code page} counts from 0. */
@io.quarkus.runtime.annotations.RegisterForReflection
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageResponse<>(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
