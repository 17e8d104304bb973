/**
 * ConnectWise records as immutable value types: tickets, notes, boards and their statuses, teams,
 * types, subtypes and items, priorities, companies, agreements, agreement additions, catalog items,
 * members, callbacks and system information.
 *
 * <p>Every type follows ConnectWise's own schema: property names are the JSON names, values the API
 * may omit are {@link java.util.Optional}, collections default to empty, and unknown properties and
 * unknown enum values are tolerated because ConnectWise adds fields in every release. Build a value
 * with its {@code builder()} and change a copy with {@code Builder.from(value)}.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    // Generated classes carry no annotation a user would need on the classpath.
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = false))
package com.axcient.connectwise.client.model;

import org.immutables.value.Value;
