package dev.gatehouse.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds (three decimals) of a histogram recorded in microseconds. A percentile is the
 * highest value of its histogram bucket, so it may exceed the exact sorted-array value by at most 0.1 %.
 */
record LatencySummary(double p50, double p90, double p99, double p999, double max, double mean) {

    static LatencySummary ofMicros(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()),
                millis(micros.getMean()));
    }

    private static double millis(double micros) {
        return Math.round(micros) / 1000.0;
    }
}
