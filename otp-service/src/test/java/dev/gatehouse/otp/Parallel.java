package dev.gatehouse.otp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.restassured.response.Response;

/** Test helper: fires requests all at once from as many threads, to race the service against itself. */
final class Parallel {

    private Parallel() {
    }

    /** Runs {@code request(i)} for i in 0..count-1 at the same moment; the answers in order. */
    static List<Response> run(int count, IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Response> call = () -> {
                    start.await();
                    return request.apply(index);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    static long count(List<Response> responses, int status) {
        return responses.stream().filter(response -> response.statusCode() == status).count();
    }
}
