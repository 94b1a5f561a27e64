package dev.gatehouse.otp.rest.dto;

import java.util.UUID;

import dev.gatehouse.otp.Message;
import dev.gatehouse.otp.OtpChannel;

/** Answer to POST /messages (202): the relay took the message. Never echoes the body. */
public record MessageResponse(UUID id, OtpChannel channel, String to, Message.Status status) {
}
