package cn.jiaozuo.biodiversity.observation.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The id under which a generalized record is shown: a keyed pseudorandom permutation of its uuid (AES-128 applied to
 * the uuid's 16 bytes, one block). Clients choose uuids, and time-based ones (v1, v7) carry the exact time of
 * recording, v1 also the device's MAC address; camera-trap imports derive theirs from the deployment and the
 * observationID. The public id carries none of that and is stable (GBIF updates rather than duplicates a republished
 * occurrence), and, unlike a hash, the service can turn it back into the uuid, so {@code GET /observations/{id}}
 * answers it without a lookup table. Only the key holder can link the two.
 *
 * <p>The output is 128 random-looking bits in UUID notation: its version and variant digits are arbitrary.
 * Thread-safe.
 */
public final class PublicIds {

    private final SecretKeySpec key;
    private final ThreadLocal<Cipher[]> ciphers;

    /** @param secret the export pseudonym key ({@code biodiversity.exports.pseudonym-secret}); a new key changes every public id */
    public PublicIds(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The pseudonym secret is required");
        }
        try {
            // A key of its own, derived from the export key, so the HMAC pseudonyms and these ids never share a key.
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("jiaozuo-biodiversity/public-observation-id\u0000" + secret).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(Arrays.copyOf(digest, 16), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.ciphers = ThreadLocal.withInitial(() -> new Cipher[] {cipher(Cipher.ENCRYPT_MODE), cipher(Cipher.DECRYPT_MODE)});
    }

    /** The public id of {@code uuid}. */
    public UUID of(UUID uuid) {
        return apply(ciphers.get()[0], uuid);
    }

    /** The uuid whose public id is {@code publicId} (any uuid is the public id of exactly one uuid). */
    public UUID uuidOf(UUID publicId) {
        return apply(ciphers.get()[1], publicId);
    }

    private static UUID apply(Cipher cipher, UUID value) {
        ByteBuffer in = ByteBuffer.allocate(16).putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
        try {
            ByteBuffer out = ByteBuffer.wrap(cipher.doFinal(in.array()));
            return new UUID(out.getLong(), out.getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cipher cipher(int mode) {
        try {
            // One 16-byte block: the block cipher as a permutation of the id, no chaining mode is involved.
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(mode, key);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
