package com.axcient.connectwise.integration.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.integration.billing.QuantityPolicy.Unit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityPolicyTest {

  @Test
  void defaultsAreGigabytesWithTwoDecimalsRoundedHalfUp() {
    QuantityPolicy policy = QuantityPolicy.defaults();

    assertThat(policy.unit()).isEqualTo(Unit.GB);
    assertThat(policy.scale()).isEqualTo(2);
    assertThat(policy.roundingMode()).isEqualTo(RoundingMode.HALF_UP);
    assertThat(policy.quantityOf(BigInteger.valueOf(1_234_567_890L))).isEqualByComparingTo("1.23");
    assertThat(policy.quantityOf(BigInteger.valueOf(1_235_000_000L))).hasToString("1.24");
  }

  @ParameterizedTest(name = "{0} bytes in {1}, {2} decimals, {3} = {4}")
  @CsvSource({
    // unit: GB is 10^9 bytes, GiB is 2^30
    "1000000000,          GB,  2, HALF_UP,   1.00",
    "1073741824,          GB,  2, HALF_UP,   1.07",
    "1073741824,          GIB, 2, HALF_UP,   1.00",
    "1000000000,          GIB, 4, HALF_UP,   0.9313",
    // rounding modes at a tie (1.125 GB) and just above a whole number
    "1125000000,          GB,  2, HALF_UP,   1.13",
    "1125000000,          GB,  2, HALF_EVEN, 1.12",
    "1125000000,          GB,  2, HALF_DOWN, 1.12",
    "1000000001,          GB,  0, CEILING,   2",
    "1000000001,          GB,  0, UP,        2",
    "1999999999,          GB,  0, FLOOR,     1",
    "1999999999,          GB,  0, DOWN,      1",
    "1999999999,          GB,  0, HALF_UP,   2",
    // scale: nothing is silently cut to a whole number
    "1234567890,          GB,  0, HALF_UP,   1",
    "1234567890,          GB,  3, HALF_UP,   1.235",
    "1234567890,          GB,  6, HALF_UP,   1.234568",
    "0,                   GB,  2, HALF_UP,   0.00",
    // near and beyond Long.MAX_VALUE (9223372036854775807)
    "9223372036854775807, GB,  2, HALF_UP,   9223372036.85",
    "9223372036854775807, GB,  6, HALF_UP,   9223372036.854776",
    "9223372036854775807, GIB, 2, CEILING,   8589934592.00",
    "18446744073709551614, GB, 2, HALF_UP,   18446744073.71",
    "27670116110564327421, GB, 0, FLOOR,     27670116110",
  })
  void computesTheQuantityExactly(
      String bytes, Unit unit, int scale, RoundingMode mode, String expected) {
    QuantityPolicy policy = new QuantityPolicy(unit, scale, mode);

    BigDecimal quantity = policy.quantityOf(new BigInteger(bytes));

    assertThat(quantity).hasToString(expected);
    assertThat(quantity.scale()).isEqualTo(scale);
  }

  @Test
  void refusesAScaleConnectWiseCannotKeep() {
    assertThatThrownBy(() -> QuantityPolicy.defaults().withScale(7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scale must be from 0 to 6")
        .hasMessageContaining("double");
    assertThatThrownBy(() -> QuantityPolicy.defaults().withScale(-1))
        .hasMessageContaining("scale must be from 0 to 6");
  }

  @Test
  void refusesRoundingModeUnnecessary() {
    assertThatThrownBy(() -> QuantityPolicy.defaults().withRoundingMode(RoundingMode.UNNECESSARY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("roundingMode UNNECESSARY")
        .hasMessageContaining("HALF_UP");
  }

  @Test
  void refusesNegativeBytes() {
    assertThatThrownBy(() -> QuantityPolicy.defaults().quantityOf(BigInteger.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bytes must be 0 or more");
  }

  @Test
  void describesItselfForPlans() {
    assertThat(QuantityPolicy.defaults().withUnit(Unit.GIB))
        .hasToString("GiB, 2 decimals, HALF_UP");
  }
}
