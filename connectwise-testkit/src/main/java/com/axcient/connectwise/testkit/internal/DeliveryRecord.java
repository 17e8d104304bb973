package com.axcient.connectwise.testkit.internal;

import java.time.Instant;

/**
 * One callback POST the simulator made.
 *
 * @param time when it was sent, by the simulator's clock
 * @param callbackId the registration's id
 * @param url where it was sent
 * @param type the callback type, e.g. {@code ticket}
 * @param action {@code added}, {@code updated} or {@code deleted}
 * @param recordId the changed record's id
 * @param memberIdentifier who made the change
 * @param body the exact body sent
 * @param signature the {@code x-content-signature} header sent
 * @param status the receiver's status, or 0 when the POST failed
 * @param error why the POST failed, or null
 */
public record DeliveryRecord(Instant time, long callbackId, String url, String type, String action,
    long recordId, String memberIdentifier, String body, String signature, int status,
    String error) {}
