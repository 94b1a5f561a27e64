package dev.gatehouse.bench;

import java.util.function.IntFunction;

import io.vertx.core.Future;

/**
 * One kind of request, sent over and over by every virtual user.
 *
 * @param name what --scenarios selects
 * @param description what the request exercises, for whoever reads the report
 * @param expectedStatus the status of a success; any other is counted as an error under its own status
 * @param call sends one request for the given virtual user (0 to concurrency - 1)
 */
record Scenario(String name, String description, int expectedStatus, IntFunction<Future<Http.Reply>> call) {
}
