package dev.gatehouse.auth.rest.dto;

/** Input rules shared by several requests. */
public final class Patterns {

    /** E.164: a plus, a non-zero country digit, 7 to 15 digits in all. */
    public static final String E164 = "^\\+[1-9][0-9]{6,14}$";
    public static final String E164_MESSAGE = "must be an E.164 phone number such as +254712345678";

    /**
     * Length is what makes a password strong (NIST SP 800-63B); one letter and one non-letter keep out the
     * dictionary words and digit runs that fill the top of every breach list.
     */
    public static final String PASSWORD = "^(?=.*\\p{L})(?=.*[^\\p{L}]).{10,128}$";
    public static final String PASSWORD_MESSAGE = "must be 10 to 128 characters with at least one letter and one digit or symbol";

    /** The experience levels of seed 003 (a CHECK on both background tables). */
    public static final String EXPERIENCE_LEVEL = "^(beginner|intermediate|advanced|expert)$";
    public static final String EXPERIENCE_LEVEL_MESSAGE = "must be one of beginner, intermediate, advanced, expert";

    private Patterns() {
    }
}
