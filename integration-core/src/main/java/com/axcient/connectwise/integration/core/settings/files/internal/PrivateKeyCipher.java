package com.axcient.connectwise.integration.core.settings.files.internal;

import com.axcient.connectwise.client.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Scheme {@code enc:v2}: PBKDF2-HMAC-SHA256 over the passphrase with a random 16-byte salt gives
 * a 256-bit master key; HMAC-SHA256 of the master key derives an AES-256 key and a check key.
 * The private key is encrypted with AES-GCM (random 12-byte IV, 128-bit tag) with the scheme and
 * the caller's bound data (the settings the key is used with) as associated data, so the key
 * opens only together with exactly those settings: it cannot be paired with another site,
 * company or public key. The check value (a MAC of a constant under the check key) tells a wrong
 * passphrase apart from a changed file; it lets no one test a passphrase faster than the GCM tag
 * already does.
 *
 * <p>{@code enc:v1} bound only the public key, so the site and the other settings beside the key
 * could be edited; it was never released and is not read.
 */
public final class PrivateKeyCipher {

  /** The scheme's name in the document. */
  public static final String SCHEME = "enc:v2";

  /** Fewest PBKDF2 iterations written or accepted. */
  public static final int MIN_ITERATIONS = 100_000;

  /** Most PBKDF2 iterations accepted, so a crafted file cannot keep an import busy for hours. */
  public static final int MAX_ITERATIONS = 10_000_000;

  /** Iterations written by default (OWASP's 2023 advice for PBKDF2-HMAC-SHA256). */
  public static final int DEFAULT_ITERATIONS = 600_000;

  static final int SALT_BYTES = 16;
  static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int CHECK_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PrivateKeyCipher() {}

  /** The encrypted private key and everything but the passphrase needed to decrypt it. */
  public record Sealed(int iterations, byte[] salt, byte[] iv, byte[] check, byte[] ciphertext) {}

  /** Why a sealed key could not be opened. */
  public enum Failure {
    /** The check value does not match: the passphrase is not the one used at export. */
    WRONG_PASSPHRASE,
    /** The passphrase is right but the GCM tag fails: the key or the bound data was changed. */
    DAMAGED
  }

  /** A sealed key could not be opened. */
  public static final class OpenException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    OpenException(Failure failure) {
      super(failure.name());
      this.failure = failure;
    }

    /** Why. */
    public Failure failure() {
      return failure;
    }
  }

  /**
   * Encrypts the private key under the passphrase, bound to {@code boundData}: {@link #open}
   * succeeds only with the same bytes.
   */
  public static Sealed seal(
      Secret privateKey, Secret passphrase, byte[] boundData, int iterations) {
    byte[] salt = random(SALT_BYTES);
    byte[] iv = random(IV_BYTES);
    byte[] master = master(passphrase, salt, iterations);
    byte[] plain = privateKey.reveal().getBytes(StandardCharsets.UTF_8);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(derive(master, "aes-key"), "AES"),
          new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(boundData));
      return new Sealed(iterations, salt, iv, check(master), cipher.doFinal(plain));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
      Arrays.fill(master, (byte) 0);
    }
  }

  /** Decrypts a sealed private key, given the data it was bound to when sealed. */
  public static Secret open(Sealed sealed, Secret passphrase, byte[] boundData)
      throws OpenException {
    byte[] master = master(passphrase, sealed.salt(), sealed.iterations());
    byte[] plain = null;
    try {
      if (!MessageDigest.isEqual(check(master), sealed.check())) {
        throw new OpenException(Failure.WRONG_PASSPHRASE);
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(derive(master, "aes-key"), "AES"),
          new GCMParameterSpec(TAG_BITS, sealed.iv()));
      cipher.updateAAD(associatedData(boundData));
      plain = cipher.doFinal(sealed.ciphertext());
      return Secret.of(
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(plain)).toString());
    } catch (AEADBadTagException | CharacterCodingException | IllegalArgumentException e) {
      throw new OpenException(Failure.DAMAGED);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    } finally {
      Arrays.fill(master, (byte) 0);
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  private static byte[] master(Secret passphrase, byte[] salt, int iterations) {
    char[] chars = passphrase.reveal().toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
    }
  }

  private static byte[] derive(byte[] master, String purpose) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(master, "HmacSHA256"));
    return mac.doFinal((SCHEME + ":" + purpose).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] check(byte[] master) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(derive(master, "check-key"), "HmacSHA256"));
    return Arrays.copyOf(
        mac.doFinal((SCHEME + ":passphrase-check").getBytes(StandardCharsets.UTF_8)), CHECK_BYTES);
  }

  private static byte[] associatedData(byte[] boundData) {
    byte[] scheme = (SCHEME + "|").getBytes(StandardCharsets.UTF_8);
    byte[] data = Arrays.copyOf(scheme, scheme.length + boundData.length);
    System.arraycopy(boundData, 0, data, scheme.length, boundData.length);
    return data;
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }
}
