package com.axcient.connectwise.integration.billing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How bytes become an agreement addition's quantity: the unit, the number of decimals kept and
 * how the last decimal is rounded. The default is GB (10^9 bytes), 2 decimals, rounded half up:
 * 1,234,567,890 bytes bill as 1.23.
 *
 * <pre>{@code
 * QuantityPolicy policy = QuantityPolicy.defaults()
 *     .withUnit(QuantityPolicy.Unit.GIB)
 *     .withScale(0)
 *     .withRoundingMode(RoundingMode.CEILING);   // whole GiB, any part of a GiB bills as one
 * }</pre>
 *
 * @param unit the unit the quantity counts
 * @param scale the number of decimals kept, from 0 to {@value #MAX_SCALE}
 * @param roundingMode how the quantity is rounded to {@code scale} decimals
 */
public record QuantityPolicy(Unit unit, int scale, RoundingMode roundingMode) {

  /**
   * The most decimals a quantity may keep. ConnectWise stores the quantity as a double, which holds
   * about 15 significant digits; more decimals would be rounded away by ConnectWise.
   */
  public static final int MAX_SCALE = 6;

  /** The unit a quantity counts. */
  public enum Unit {
    /** Gigabytes: 10^9 bytes, as storage is usually sold. */
    GB(BigInteger.TEN.pow(9), "GB"),
    /** Gibibytes: 2^30 bytes (1,073,741,824), as operating systems often count. */
    GIB(BigInteger.TWO.pow(30), "GiB");

    private final BigInteger bytes;
    private final String symbol;

    Unit(BigInteger bytes, String symbol) {
      this.bytes = bytes;
      this.symbol = symbol;
    }

    /** The number of bytes in one unit. */
    public BigInteger bytes() {
      return bytes;
    }

    /** The unit's usual symbol, {@code GB} or {@code GiB}. */
    public String symbol() {
      return symbol;
    }
  }

  /** Checks the policy; every problem names the part and the fix. */
  public QuantityPolicy {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(roundingMode, "roundingMode");
    if (scale < 0 || scale > MAX_SCALE) {
      throw new IllegalArgumentException(
          "scale must be from 0 to " + MAX_SCALE + " decimals, was " + scale
              + ": ConnectWise stores the quantity as a double and keeps no more");
    }
    if (roundingMode == RoundingMode.UNNECESSARY) {
      throw new IllegalArgumentException(
          "roundingMode UNNECESSARY fails on almost every byte count: choose HALF_UP (the"
              + " default), CEILING (any part of a unit bills as a whole one) or FLOOR");
    }
  }

  /** GB (10^9 bytes), 2 decimals, rounded half up. */
  public static QuantityPolicy defaults() {
    return new QuantityPolicy(Unit.GB, 2, RoundingMode.HALF_UP);
  }

  /** This policy with another unit. */
  public QuantityPolicy withUnit(Unit newUnit) {
    return new QuantityPolicy(newUnit, scale, roundingMode);
  }

  /** This policy with another number of decimals. */
  public QuantityPolicy withScale(int newScale) {
    return new QuantityPolicy(unit, newScale, roundingMode);
  }

  /** This policy with another rounding mode. */
  public QuantityPolicy withRoundingMode(RoundingMode newRoundingMode) {
    return new QuantityPolicy(unit, scale, newRoundingMode);
  }

  /**
   * The quantity for this many bytes: bytes divided by the unit, rounded once to {@link #scale()}
   * decimals with {@link #roundingMode()}. The arithmetic is exact; there is no upper limit.
   *
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public BigDecimal quantityOf(BigInteger bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.signum() < 0) {
      throw new IllegalArgumentException("bytes must be 0 or more, was " + bytes);
    }
    return new BigDecimal(bytes).divide(new BigDecimal(unit.bytes), scale, roundingMode);
  }

  /** For example {@code GB, 2 decimals, HALF_UP}. */
  @Override
  public String toString() {
    return unit.symbol + ", " + scale + " decimals, " + roundingMode;
  }
}
