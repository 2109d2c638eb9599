package dev.afterimage.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt: slow on purpose, so a stolen database does not hand over the passwords. */
final class Passwords {

    /** 2^12 rounds: about a quarter of a second per check here, unnoticed at login, costly for a guesser. */
    private static final int COST = 12;

    /** bcrypt reads at most 72 bytes; longer passwords would silently share a hash with their prefix. */
    static final int MAX_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checked against when a name is unknown, so the answer takes as long as for a known name. */
    private static final String DECOY = hash("not a password of anyone");

    private Passwords() {}

    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password.getBytes(StandardCharsets.UTF_8), salt, COST);
    }

    static boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return OpenBSDBCrypt.checkPassword(hash, password.getBytes(StandardCharsets.UTF_8));
    }

    /** Spends a check's time without a user to check against. */
    static void decoy(String password) {
        matches(password, DECOY);
    }
}
