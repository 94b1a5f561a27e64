package dev.gatehouse.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Environment variables, {@code NAME=value}, added to the local run of the annotated test class: for rules whose
 * production timings (lock steps, resend cooldowns) would make a test wait minutes. Everything else keeps the
 * local run's defaults.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface LocalRunEnvironment {

    String[] value();
}
