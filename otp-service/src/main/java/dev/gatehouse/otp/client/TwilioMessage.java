package dev.gatehouse.otp.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of Twilio's Message resource we keep: its sid (SM...) and initial status (usually "queued"). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TwilioMessage(String sid, String status) {
}
