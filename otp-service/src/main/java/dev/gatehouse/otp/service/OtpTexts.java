package dev.gatehouse.otp.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of every code message, in English; other languages are {@code messages/otp_<language>.properties}
 * with the same keys, checked at build time.
 */
@MessageBundle("otp")
public interface OtpTexts {

    @Message("code")
    String labelPhoneVerification();

    @Message("verification code")
    String labelEmailVerification();

    @Message("password reset code")
    String labelPasswordReset();

    @Message("sign-in code")
    String labelLogin();

    @Message("company verification code")
    String labelCompanyVerification();

    @Message("Your Gatehouse verification code")
    String subjectPhoneVerification();

    @Message("Confirm your email address for Gatehouse")
    String subjectEmailVerification();

    @Message("Your Gatehouse password reset code")
    String subjectPasswordReset();

    @Message("Your Gatehouse sign-in code")
    String subjectLogin();

    @Message("Your Gatehouse company verification code")
    String subjectCompanyVerification();

    @Message("to confirm your phone number")
    String purposePhoneVerification();

    @Message("to confirm this email address")
    String purposeEmailVerification();

    @Message("to choose a new password")
    String purposePasswordReset();

    @Message("to finish signing in")
    String purposeLogin();

    @Message("to confirm your company's contact details")
    String purposeCompanyVerification();

    @Message("If you did not ask for this code, you can ignore this message.")
    String ifNotYouPhoneVerification();

    @Message("If you did not create a Gatehouse account, you can ignore this email.")
    String ifNotYouEmailVerification();

    @Message("If you did not ask to reset your password, ignore this email: your password stays as it is.")
    String ifNotYouPasswordReset();

    @Message("If you are not signing in right now, someone else may know your password: change it.")
    String ifNotYouLogin();

    @Message("If you did not register a company on Gatehouse, you can ignore this message.")
    String ifNotYouCompanyVerification();

    @Message("Your Gatehouse {label} is {code}. It expires in {expiry}.")
    String sms(String label, String code, String expiry);

    @Message("Never share it with anyone.")
    String neverShare();

    @Message("Your Gatehouse {label} is:")
    String intro(String label);

    @Message("Enter it {purpose}. It expires in {expiry}.")
    String enterIt(String purpose, String expiry);

    @Message("Enter it {purpose}, or open this link:")
    String enterItOrOpenLink(String purpose);

    @Message("The code and the link expire in {expiry}.")
    String bothExpire(String expiry);

    @Message("{count} {#if count == 1}hour{#else}hours{/if}")
    String hours(long count);

    @Message("{count} {#if count == 1}minute{#else}minutes{/if}")
    String minutes(long count);

    @Message("{count} {#if count == 1}second{#else}seconds{/if}")
    String seconds(long count);
}
