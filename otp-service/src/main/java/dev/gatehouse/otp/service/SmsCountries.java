package dev.gatehouse.otp.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;
import dev.gatehouse.otp.config.OtpConfig;

/**
 * The destination countries SMS may go to, by country calling code. Calling codes are a prefix code (no code is the
 * start of another country's), so the longest listed code a number starts with is its country.
 */
@ApplicationScoped
public class SmsCountries {

    private final List<String> allowed;

    public SmsCountries(OtpConfig config) {
        this.allowed = config.sms().allowedCountryCodes().stream().map(String::strip).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The calling code of an E.164 {@code number}, or 422 {@code destination_not_allowed} when it is not listed. */
    public String require(String number) {
        String code = callingCodeOf(number);
        if (code == null) {
            throw new ApiException(Problem.of(422, "destination_not_allowed", "Unprocessable Content",
                    "SMS cannot be sent to this country; no code was issued.")
                    .withExtensions(Map.of("allowedCountryCodes", allowed)));
        }
        return code;
    }

    /** The listed calling code {@code number} starts with, or {@code null}. */
    public String callingCodeOf(String number) {
        for (String code : allowed) {
            if (number.startsWith("+" + code)) {
                return code;
            }
        }
        return null;
    }
}
