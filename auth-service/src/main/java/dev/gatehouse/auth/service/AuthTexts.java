package dev.gatehouse.auth.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of auth-service's pages and emails, in English; other languages are
 * {@code messages/auth_<language>.properties} with the same keys, checked at build time.
 */
@MessageBundle("auth")
public interface AuthTexts {

    // The email verification page
    @Message("Email address confirmed")
    String evConfirmedTitle();

    @Message("Your email address {email} is confirmed.")
    String evConfirmed(String email);

    @Message("You can close this page and carry on in the app. Sign in again if it still shows the address as unconfirmed.")
    String evConfirmedHint();

    @Message("Email address not confirmed")
    String evNotConfirmedTitle();

    @Message("This link has expired.")
    String evExpired();

    @Message("Ask for a new verification email from your account and use its link within a few minutes.")
    String evExpiredHint();

    @Message("This link was replaced by a newer one.")
    String evRevoked();

    @Message("Use the link in the most recent verification email.")
    String evRevokedHint();

    @Message("This link has already been used.")
    String evUsed();

    @Message("If you used it, or typed its code, your address is already confirmed.")
    String evUsedHint();

    @Message("This link can no longer be used.")
    String evLocked();

    @Message("Its code was entered wrongly too many times. Ask for a new verification email.")
    String evLockedHint();

    @Message("This link is for an address your account no longer uses.")
    String evChanged();

    @Message("Ask for a new verification email; it goes to the address your account has now.")
    String evChangedHint();

    @Message("We cannot confirm addresses right now.")
    String evUnavailable();

    @Message("Nothing is wrong with your link. Open it again in a few minutes.")
    String evUnavailableHint();

    @Message("This link is not valid.")
    String evInvalid();

    @Message("It may be incomplete, or a newer verification email may have replaced it. Open the whole link from the most recent email, or ask for a new one.")
    String evInvalidHint();

    @Message("Something went wrong on our side.")
    String evBroken();

    @Message("Try the link again in a few minutes. If it keeps failing, quote error id {errorId}.")
    String evBrokenHint(String errorId);

    // The password reset page
    @Message("Choose a new password")
    String rpTitle();

    @Message("New password")
    String rpNewPassword();

    @Message("It must be 10 to 128 characters with at least one letter and one digit or symbol.")
    String rpHint();

    @Message("Repeat it")
    String rpRepeat();

    @Message("Set the new password")
    String rpSubmit();

    @Message("The two passwords do not match.")
    String rpMismatch();

    @Message("The new password must be 10 to 128 characters with at least one letter and one digit or symbol.")
    String rpRule();

    @Message("Saving...")
    String rpSaving();

    @Message("The password could not be changed.")
    String rpFailed();

    @Message("The server could not be reached. Try again in a moment.")
    String rpUnreachable();

    @Message("Password changed")
    String rpChangedTitle();

    @Message("Your password has been changed. Every device that was signed in has been signed out; sign in again with the new password.")
    String rpChanged();

    @Message("Reset link not usable")
    String rpUnusableTitle();

    @Message("Link not usable")
    String rpUnusableHeading();

    @Message("This reset link has expired.")
    String rpExpired();

    @Message("This reset link has already been used.")
    String rpUsed();

    @Message("This reset link is not valid. It may have been replaced by a newer one.")
    String rpInvalid();

    @Message("Ask for a new password reset email and use the newest link.")
    String rpAskNew();

    // The reset emails
    @Message("Reset your Gatehouse password")
    String mailSubject();

    @Message("Someone asked to reset the password of the Gatehouse account for this address.")
    String mailLinkIntro();

    @Message("Open this link within {minutes} to choose a new password:")
    String mailLinkOpen(String minutes);

    @Message("Choose a new password")
    String mailLinkButton();

    @Message("within {minutes}; the link works once")
    String mailLinkWithin(String minutes);

    @Message("The link works once.")
    String mailLinkOnce();

    @Message("If you did not ask for this, ignore this email: your password stays as it is.")
    String mailIgnore();

    @Message("Your Gatehouse password reset code is {code}.")
    String mailCode(String code);

    @Message("Enter it within {minutes} together with your new password.")
    String mailCodeEnter(String minutes);

    @Message("{count} {#if count == 1}minute{#else}minutes{/if}")
    String minutes(long count);

    // The notice to the owner of an account that failed logins locked
    @Message("Failed logins to your Gatehouse account")
    String lockSubject();

    @Message("Someone tried wrong passwords for the Gatehouse account of this address, so logins from new devices are paused until {until}. Devices you signed in with before still work.")
    String lockIntro(String until);

    @Message("If it was not you, choose a new password within {minutes} with this link:")
    String lockOpen(String minutes);

    @Message("If it was not you,")
    String lockIfNotYou();

    @Message("choose a new password")
    String lockButton();

    @Message("The link works once. If it was you, just wait and try again.")
    String lockWait();

    @Message("If it was you, just wait and try again.")
    String lockIfYou();
}
