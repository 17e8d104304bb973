package com.axcient.connectwise.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One saved change, as callbacks announce it.
 *
 * @param kind the kind of record
 * @param action {@code added}, {@code updated} or {@code deleted}
 * @param record the record after the change (before it, for a deletion)
 * @param actor who made the change
 * @param skipCallback true when the writer asked ConnectWise not to announce this save
 */
public record Change(Kind kind, String action, ObjectNode record, Actor actor, boolean skipCallback) {}
