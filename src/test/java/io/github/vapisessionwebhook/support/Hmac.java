package io.github.vapisessionwebhook.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The tests' one HMAC signer, as Vapi signs: a JCA algorithm over payload bytes, with the secret's bytes as key. */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sign(String algorithm, byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 of UTF-8 {@code prefix} followed by {@code body}, hex-encoded: Vapi's default signature. */
    public static String sha256Hex(String secret, String prefix, byte[] body) {
        return HexFormat.of().formatHex(sign("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8), concat(prefix, body)));
    }

    public static byte[] concat(String prefix, byte[] body) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
