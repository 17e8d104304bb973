package com.axcient.connectwise.integration.billing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one appliance stores: its protected systems and, for each, the bytes used on each vault.
 *
 * <pre>{@code
 * StorageReport report = StorageReport.builder()
 *     .reportId("appliance-7/2026-05-01")
 *     .applianceId("appliance-7")
 *     .protectedSystem("ACME-FS01", Map.of("local", 1_200_000_000_000L, "cloud-east", 1_200_000_000_000L))
 *     .protectedSystem("ACME-SQL01", Map.of("local", 300_000_000_000L))
 *     .build();
 * report.totalBytes();   // 2,700,000,000,000: data replicated to two vaults counts twice
 * }</pre>
 *
 * <p>The report is taken as sent; {@link BillingService#plan} checks its contents (no negative or
 * oversized byte counts, each protected system once) together with the rest of the run and
 * reports every problem before anything is written.
 *
 * @param reportId the report's identity as the product knows it; the billing audit names it as the
 *     source of every quantity written from it
 * @param applianceId the appliance (device) that sent the report, as its {@link BillingMapping}
 *     names it
 * @param protectedSystems the appliance's protected systems, each once
 */
public record StorageReport(
    String reportId, String applianceId, List<ProtectedSystem> protectedSystems) {

  /** Checks that the ids are present and copies the list. */
  public StorageReport {
    reportId = requireText(reportId, "reportId", "the product's id of the storage report");
    applianceId = requireText(applianceId, "applianceId", "the id of the appliance that sent it");
    protectedSystems = List.copyOf(Objects.requireNonNull(protectedSystems, "protectedSystems"));
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The bytes the appliance bills for: the sum over every protected system of the bytes on each
   * of its vaults. Data replicated to several vaults counts once per vault. Exact, with no upper
   * limit.
   */
  public BigInteger totalBytes() {
    return protectedSystems.stream()
        .map(ProtectedSystem::totalBytes)
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  /**
   * One protected system (a server or workstation the appliance backs up) and the bytes its
   * backups use on each vault.
   *
   * @param name the protected system's name, unique within the report
   * @param bytesPerVault bytes used per vault, by vault name; each from 0 to
   *     {@link Long#MAX_VALUE}
   */
  public record ProtectedSystem(String name, Map<String, BigInteger> bytesPerVault) {

    /** Checks that the name is present and copies the map, keeping its order. */
    public ProtectedSystem {
      name = requireText(name, "protected system name", "the name the appliance shows");
      Objects.requireNonNull(bytesPerVault, "bytesPerVault");
      Map<String, BigInteger> copy = new LinkedHashMap<>();
      bytesPerVault.forEach(
          (vault, bytes) ->
              copy.put(
                  Objects.requireNonNull(vault, "vault name"),
                  Objects.requireNonNull(bytes, () -> "bytes on vault " + vault)));
      bytesPerVault = Collections.unmodifiableMap(copy);
    }

    /** A protected system with byte counts given as {@code long}s. */
    public static ProtectedSystem of(String name, Map<String, Long> bytesPerVault) {
      Map<String, BigInteger> bytes = new LinkedHashMap<>();
      Objects.requireNonNull(bytesPerVault, "bytesPerVault")
          .forEach(
              (vault, count) ->
                  bytes.put(
                      vault,
                      BigInteger.valueOf(
                          Objects.requireNonNull(count, () -> "bytes on vault " + vault))));
      return new ProtectedSystem(name, bytes);
    }

    /** The bytes on all its vaults together. */
    public BigInteger totalBytes() {
      return bytesPerVault.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }
  }

  /** Builds a {@link StorageReport}. */
  public static final class Builder {
    private String reportId;
    private String applianceId;
    private final List<ProtectedSystem> protectedSystems = new ArrayList<>();

    private Builder() {}

    /** The report's identity as the product knows it. Required. */
    public Builder reportId(String reportId) {
      this.reportId = reportId;
      return this;
    }

    /** The appliance that sent the report. Required. */
    public Builder applianceId(String applianceId) {
      this.applianceId = applianceId;
      return this;
    }

    /** Adds a protected system with its bytes per vault. */
    public Builder protectedSystem(String name, Map<String, Long> bytesPerVault) {
      return protectedSystem(ProtectedSystem.of(name, bytesPerVault));
    }

    /** Adds a protected system. */
    public Builder protectedSystem(ProtectedSystem protectedSystem) {
      protectedSystems.add(Objects.requireNonNull(protectedSystem, "protectedSystem"));
      return this;
    }

    /**
     * The report.
     *
     * @throws IllegalArgumentException if the report or appliance id is missing
     */
    public StorageReport build() {
      return new StorageReport(reportId, applianceId, protectedSystems);
    }
  }

  private static String requireText(String value, String field, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is missing: set it to " + what);
    }
    return value.strip();
  }
}
