package dev.gatehouse.console.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word the console shows, in English; other languages are {@code messages/msg_<language>.properties} files with
 * the same keys, checked at build time. Templates read them as {@code msg:key}.
 */
@MessageBundle
public interface ConsoleMessages {

    // Frame
    @Message("Gatehouse console")
    String appName();

    @Message("Skip to the content")
    String skipToContent();

    @Message("Main menu")
    String navLabel();

    @Message("Me")
    String navMe();

    @Message("Companies")
    String navCompanies();

    @Message("Join a company")
    String navJoin();

    @Message("Platform admin")
    String navAdmin();

    @Message("Sign out")
    String signOut();

    @Message("Language")
    String language();

    @Message("Language of your emails and text messages")
    String messageLanguageTitle();

    @Message("Language")
    String messageLanguage();

    @Message("The one my browser asks for")
    String messageLanguageBrowser();

    @Message("Gatehouse writes your codes, password reset emails and account notices in this language.")
    String messageLanguageHint();

    @Message("The language is saved.")
    String messageLanguageSaved();

    @Message("Signed in as {email}")
    String signedInAs(String email);

    @Message("Notice")
    String notice();

    // Sign in, sign up, forgotten password
    @Message("Sign in")
    String signInTitle();

    @Message("Email or phone number")
    String identifierLabel();

    @Message("A phone number in international form, for example +254712345678.")
    String identifierHint();

    @Message("Password")
    String passwordLabel();

    @Message("Sign in")
    String signInButton();

    @Message("New to Gatehouse?")
    String noAccount();

    @Message("Create an account")
    String signUpTitle();

    @Message("Forgot your password?")
    String forgotLink();

    @Message("Email address")
    String emailLabel();

    @Message("Phone number")
    String phoneLabel();

    @Message("10 to 128 characters, with at least one letter and one digit or symbol.")
    String passwordHint();

    @Message("Create the account")
    String signUpButton();

    @Message("Your account is ready. Sign in to continue.")
    String signedUp();

    @Message("Reset your password")
    String forgotTitle();

    @Message("Send me a reset link")
    String forgotButton();

    @Message("If an account uses that address, a reset link is on its way to it.")
    String forgotSent();

    @Message("You have signed out.")
    String signedOut();

    @Message("Back to sign in")
    String backToSignIn();

    // Me
    @Message("My account")
    String meTitle();

    @Message("Profile")
    String profile();

    @Message("Verification")
    String verificationStatus();

    @Message("verified")
    String verified();

    @Message("not verified")
    String notVerified();

    @Message("Send a code")
    String sendCode();

    @Message("Code")
    String codeLabel();

    @Message("Confirm the code")
    String confirmCode();

    @Message("A code is on its way.")
    String codeSent();

    @Message("Verified.")
    String confirmed();

    @Message("Signed-in devices")
    String sessionsTitle();

    @Message("Device")
    String device();

    @Message("IP address")
    String ipAddress();

    @Message("Browser or app")
    String userAgent();

    @Message("Last used")
    String lastUsed();

    @Message("this browser")
    String thisSession();

    @Message("Sign this device out")
    String revoke();

    @Message("Sign out everywhere")
    String signOutEverywhere();

    @Message("That device is signed out.")
    String sessionRevoked();

    @Message("Change your password")
    String passwordTitle();

    @Message("Current password")
    String currentPassword();

    @Message("New password")
    String newPassword();

    @Message("Change the password")
    String changePasswordButton();

    @Message("Your password is changed.")
    String passwordChanged();

    @Message("Delete your account")
    String deleteTitle();

    @Message("This removes your account and your memberships and requests in every company. It cannot be undone.")
    String deleteWarning();

    @Message("Delete my account")
    String deleteButton();

    @Message("Your account is deleted.")
    String accountDeleted();

    @Message("Software background")
    String softwareTitle();

    @Message("Hardware background")
    String hardwareTitle();

    @Message("Experience level")
    String experienceLevel();

    @Message("beginner")
    String levelBeginner();

    @Message("intermediate")
    String levelIntermediate();

    @Message("advanced")
    String levelAdvanced();

    @Message("expert")
    String levelExpert();

    @Message("Programming languages")
    String languages();

    @Message("Frameworks")
    String frameworks();

    @Message("Platforms")
    String platforms();

    @Message("Device types")
    String deviceTypes();

    @Message("Separate entries with commas.")
    String listHint();

    @Message("Save")
    String save();

    @Message("Saved.")
    String saved();

    // Companies
    @Message("Companies")
    String companiesTitle();

    @Message("Create a company")
    String createCompany();

    @Message("Company name")
    String companyName();

    @Message("Country code")
    String countryCode();

    @Message("Two letters, for example KE.")
    String countryCodeHint();

    @Message("Company phone number")
    String companyPhone();

    @Message("Create the company")
    String createButton();

    @Message("The company {companyId} is created. Verify its phone number to activate it.")
    String companyCreated(String companyId);

    @Message("My companies")
    String myCompanies();

    @Message("You are not a member of any company yet.")
    String noCompanies();

    @Message("Company id")
    String companyId();

    @Message("Status")
    String status();

    @Message("My role")
    String myRole();

    @Message("Role")
    String role();

    @Message("Manage")
    String manage();

    @Message("Verify the company phone number")
    String verifyCompany();

    @Message("The company is active.")
    String companyVerified();

    @Message("Members")
    String membersTitle();

    @Message("Member")
    String member();

    @Message("Joined")
    String joined();

    @Message("Change the role")
    String changeRole();

    @Message("Remove")
    String remove();

    @Message("The role is changed.")
    String roleChanged();

    @Message("The member is removed.")
    String memberRemoved();

    @Message("Requests to join")
    String requestsTitle();

    @Message("No requests are waiting.")
    String noRequests();

    @Message("Requested role")
    String requestedRole();

    @Message("Verified email")
    String requesterEmail();

    @Message("Verified phone")
    String requesterPhone();

    @Message("Message")
    String messageLabel();

    @Message("Approve")
    String approve();

    @Message("Reject")
    String reject();

    @Message("Reason")
    String reason();

    @Message("Approved: the requester is now a member.")
    String approved();

    @Message("Rejected.")
    String rejected();

    @Message("Requested")
    String requested();

    // Join
    @Message("Join a company")
    String joinTitle();

    @Message("Ask to join")
    String requestJoin();

    @Message("The company id, which the company gives you.")
    String companyIdHint();

    @Message("Send the request")
    String joinButton();

    @Message("Your request is sent. The company's owners and admins will answer it.")
    String requestSent();

    @Message("My requests")
    String myRequests();

    @Message("You have not asked to join a company.")
    String noRequestsMine();

    @Message("Cancel the request")
    String cancel();

    @Message("The request is cancelled.")
    String cancelled();

    // Platform admin
    @Message("Platform administration")
    String adminTitle();

    @Message("Find people")
    String findUsers();

    @Message("Programming language")
    String languageFilter();

    @Message("Framework")
    String frameworkFilter();

    @Message("Platform")
    String platformFilter();

    @Message("Device type")
    String deviceTypeFilter();

    @Message("Search")
    String search();

    @Message("{count} people found.")
    String found(long count);

    @Message("Result pages")
    String resultPages();

    @Message("Page {page} of {pages}")
    String pageOf(int page, long pages);

    @Message("Previous page")
    String previousPage();

    @Message("Next page")
    String nextPage();

    @Message("Change a company's status")
    String companyStatusTitle();

    @Message("New status")
    String newStatus();

    @Message("Change the status")
    String changeStatusButton();

    @Message("The company's status is changed.")
    String statusChanged();

    // Errors, from the services' problem codes
    @Message("Something went wrong: {detail}")
    String errorGeneric(String detail);

    @Message("Something went wrong. Please try again.")
    String errorUnknown();

    @Message("The service is unavailable right now. Please try again in a moment.")
    String errorUnavailable();

    @Message("The email or phone number and password do not match an account.")
    String errorInvalidCredentials();

    @Message("Too many attempts. Please wait a little and try again.")
    String errorRateLimited();

    @Message("A code was sent a moment ago. Please wait before asking for another.")
    String errorResendTooSoon();

    @Message("That code is not right. {remaining} attempts left.")
    String errorOtpInvalid(int remaining);

    @Message("That code is not right.")
    String errorOtpInvalidNoCount();

    @Message("That code has expired. Ask for a new one.")
    String errorOtpExpired();

    @Message("Too many wrong codes. Ask for a new one.")
    String errorOtpLocked();

    @Message("That code was already used. Ask for a new one.")
    String errorOtpUsed();

    @Message("An account already uses that email address.")
    String errorEmailTaken();

    @Message("An account already uses that phone number.")
    String errorPhoneTaken();

    @Message("You are not allowed to do that.")
    String errorForbidden();

    @Message("That was not found.")
    String errorNotFound();

    @Message("No company has that id.")
    String errorCompanyNotFound();

    @Message("That company is not active yet.")
    String errorCompanyNotActive();

    @Message("You are already a member of that company.")
    String errorAlreadyMember();

    @Message("You already have a request waiting for that company.")
    String errorRequestPending();

    @Message("That status change is not allowed from the company's current status.")
    String errorIllegalTransition();

    @Message("Please verify your email address and phone number first.")
    String errorVerificationRequired();

    @Message("Please correct these fields:")
    String errorFields();

    @Message("That form has expired. Please reload the page and try again.")
    String errorCsrf();

    @Message("The form was refused")
    String errorCsrfTitle();

    @Message("Your session has ended. Please sign in again.")
    String errorSessionEnded();

    @Message("Please sign in to continue.")
    String errorSignInFirst();

    @Message("Please fill in every field.")
    String errorMissing();

    @Message("The current password is not right.")
    String errorWrongPassword();

    @Message("A company needs at least one owner: make someone else owner first.")
    String errorLastOwner();

    @Message("Ask for a code first.")
    String errorVerificationNotStarted();

    @Message("That is already verified.")
    String errorAlreadyVerified();

    @Message("That request has already been answered.")
    String errorRequestNotPending();
}
