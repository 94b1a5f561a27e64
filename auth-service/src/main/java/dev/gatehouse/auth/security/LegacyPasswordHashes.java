package dev.gatehouse.auth.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Verifies password hashes written by the systems accounts are imported from, so their people keep signing in with
 * the password they already have. Gatehouse never writes these formats: a match is rehashed to Argon2id.
 * <p>
 * Accepted formats (anything else does not match):
 * <ul>
 * <li>bcrypt, {@code $2a$}, {@code $2b$} and {@code $2y$} (node bcrypt, bcryptjs, Flask-Bcrypt, PHP), cost 4 to
 * {@value #MAX_BCRYPT_COST};</li>
 * <li>Better Auth scrypt, {@code <salt hex>:<key hex>}: scrypt N=16384, r=16, p=1, 64-byte key, over the
 * NFKC-normalised password, with the salt's hex text itself as the salt;</li>
 * <li>Werkzeug {@code pbkdf2:<sha1|sha256|sha512>:<iterations>$<salt>$<key hex>};</li>
 * <li>Werkzeug {@code scrypt:N:r:p$salt$keyhex} (cost, block size and parallelism, then salt and key);</li>
 * <li>Django {@code pbkdf2_sha256$<iterations>$<salt>$<key base64>} and {@code pbkdf2_sha1$...};</li>
 * <li>passlib {@code $pbkdf2$}, {@code $pbkdf2-sha256$}, {@code $pbkdf2-sha512$<iterations>$<salt>$<key>}, salt and
 * key in passlib's adapted base64.</li>
 * </ul>
 * Work factors are bounded ({@value #MAX_PBKDF2_ITERATIONS} PBKDF2 iterations, {@value #MAX_SCRYPT_MEMORY_BYTES}
 * bytes of scrypt memory, twice what Werkzeug's and Better Auth's defaults use), so a corrupt or hostile stored hash
 * cannot tie up the hashing pool: beyond them it does not match. A malformed hash never throws; it does not match, as
 * a wrong password would not.
 * <p>
 * A scrypt allocates its memory for each verification, so it runs on the hashing pool's lane for such hashes, one at
 * a time ({@link #needsOwnMemory}).
 * An imported account is rehashed to Argon2id at its first sign-in, so scrypt is rare and brief.
 */
public final class LegacyPasswordHashes {

    static final int MAX_BCRYPT_COST = 16;
    static final int MAX_PBKDF2_ITERATIONS = 5_000_000;
    static final long MAX_SCRYPT_MEMORY_BYTES = HashingPool.OWN_MEMORY_MAX_BYTES;
    private static final int MAX_KEY_BYTES = 1024;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final Pattern BETTER_AUTH = Pattern.compile("([0-9a-fA-F]{2,256}):([0-9a-fA-F]{128})");
    private static final Pattern WERKZEUG_PBKDF2 = Pattern
            .compile("pbkdf2:(sha1|sha256|sha512):(\\d{1,9})\\$([^$]{1,256})\\$([0-9a-fA-F]{2,2048})");
    private static final Pattern WERKZEUG_SCRYPT = Pattern
            .compile("scrypt:(\\d{1,9}):(\\d{1,4}):(\\d{1,4})\\$([^$]{1,256})\\$([0-9a-fA-F]{2,2048})");
    private static final Pattern DJANGO_PBKDF2 = Pattern
            .compile("pbkdf2_(sha1|sha256)\\$(\\d{1,9})\\$([^$]{1,256})\\$([A-Za-z0-9+/]{4,2048}={0,2})");
    private static final Pattern PASSLIB_PBKDF2 = Pattern
            .compile("\\$pbkdf2(|-sha256|-sha512)\\$(\\d{1,9})\\$([./A-Za-z0-9]{0,512})\\$([./A-Za-z0-9]{4,2048})");

    private LegacyPasswordHashes() {
    }

    /** Whether {@code stored} is in one of the accepted formats (it says nothing about any password). */
    public static boolean isRecognised(String stored) {
        return stored != null && (BCRYPT.matcher(stored).matches() || BETTER_AUTH.matcher(stored).matches()
                || WERKZEUG_PBKDF2.matcher(stored).matches() || WERKZEUG_SCRYPT.matcher(stored).matches()
                || DJANGO_PBKDF2.matcher(stored).matches() || PASSLIB_PBKDF2.matcher(stored).matches());
    }

    /** Whether {@code password} matches {@code stored}; false for any format not listed above or malformed. */
    public static boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        try {
            return evaluate(password, stored, true);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Whether checking {@code stored} allocates memory of its own (scrypt), so it belongs on the large-hash lane. */
    static boolean needsOwnMemory(String stored) {
        return stored != null && (BETTER_AUTH.matcher(stored).matches() || WERKZEUG_SCRYPT.matcher(stored).matches());
    }

    /** Whether {@code stored} is a recognised format within the work factors above, so a password can match it. */
    public static boolean isVerifiable(String stored) {
        if (stored == null) {
            return false;
        }
        try {
            return evaluate(null, stored, false);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * With {@code compute}: whether {@code password} matches. Without: whether {@code stored} is well formed and
     * within bounds (what would be computed is not).
     */
    private static boolean evaluate(String password, String stored, boolean compute) {
        Matcher m;
        if ((m = BCRYPT.matcher(stored)).matches()) {
            int cost = Integer.parseInt(m.group(1));
            return cost >= 4 && cost <= MAX_BCRYPT_COST
                    && (!compute || OpenBSDBCrypt.checkPassword(stored, password.toCharArray()));
        }
        if ((m = BETTER_AUTH.matcher(stored)).matches()) {
            if (m.group(1).length() % 2 != 0) {
                return false;
            }
            if (!compute) {
                return true;
            }
            byte[] key = SCrypt.generate(utf8(Normalizer.normalize(password, Normalizer.Form.NFKC)), utf8(m.group(1)), 16384,
                    16, 1, 64);
            return MessageDigest.isEqual(key, HexFormat.of().parseHex(m.group(2)));
        }
        if ((m = WERKZEUG_PBKDF2.matcher(stored)).matches()) {
            byte[] expected = HexFormat.of().parseHex(m.group(4));
            return pbkdf2Matches(digest(m.group(1)), password, utf8(m.group(3)), Integer.parseInt(m.group(2)),
                    expected, compute);
        }
        if ((m = WERKZEUG_SCRYPT.matcher(stored)).matches()) {
            int n = Integer.parseInt(m.group(1));
            int r = Integer.parseInt(m.group(2));
            int p = Integer.parseInt(m.group(3));
            byte[] expected = HexFormat.of().parseHex(m.group(5));
            boolean powerOfTwo = n > 1 && (n & (n - 1)) == 0;
            if (!powerOfTwo || r < 1 || p < 1 || p > 16 || 128L * n * r > MAX_SCRYPT_MEMORY_BYTES
                    || expected.length > MAX_KEY_BYTES) {
                return false;
            }
            if (!compute) {
                return true;
            }
            byte[] key = SCrypt.generate(utf8(password), utf8(m.group(4)), n, r, p, expected.length);
            return MessageDigest.isEqual(key, expected);
        }
        if ((m = DJANGO_PBKDF2.matcher(stored)).matches()) {
            byte[] expected = Base64.getDecoder().decode(m.group(4));
            return pbkdf2Matches(digest(m.group(1)), password, utf8(m.group(3)), Integer.parseInt(m.group(2)),
                    expected, compute);
        }
        if ((m = PASSLIB_PBKDF2.matcher(stored)).matches()) {
            String algorithm = m.group(1).isEmpty() ? "sha1" : m.group(1).substring(1);
            return pbkdf2Matches(digest(algorithm), password, adaptedBase64(m.group(3)), Integer.parseInt(m.group(2)),
                    adaptedBase64(m.group(4)), compute);
        }
        return false;
    }

    private static boolean pbkdf2Matches(Digest digest, String password, byte[] salt, int iterations,
            byte[] expected, boolean compute) {
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS || expected.length == 0
                || expected.length > MAX_KEY_BYTES) {
            return false;
        }
        if (!compute) {
            return true;
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
        generator.init(utf8(password), salt, iterations);
        byte[] key = ((KeyParameter) generator.generateDerivedParameters(expected.length * 8)).getKey();
        return MessageDigest.isEqual(key, expected);
    }

    private static Digest digest(String name) {
        return switch (name) {
            case "sha1" -> new SHA1Digest();
            case "sha256" -> new SHA256Digest();
            case "sha512" -> new SHA512Digest();
            default -> throw new IllegalArgumentException("unsupported digest");
        };
    }

    /** passlib's base64: {@code .} instead of {@code +}, no padding. */
    private static byte[] adaptedBase64(String text) {
        return Base64.getDecoder().decode(text.replace('.', '+'));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
