package com.axcient.connectwise.testkit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the HTTP front hands the journal about one request.
 *
 * @param time arrival, by the simulator's clock
 * @param method the HTTP method
 * @param path the full decoded path
 * @param apiPath the path relative to the API base, or the full path outside it
 * @param query decoded query parameters
 * @param headers headers, lower-case names, Authorization redacted
 * @param body the body as UTF-8
 * @param status the status on the wire, 0 for none
 * @param handled whether the request reached the data
 * @param fault the applied fault's description, or null
 */
public record RequestRecord(Instant time, String method, String path, String apiPath,
    Map<String, List<String>> query, Map<String, List<String>> headers, String body, int status,
    boolean handled, String fault) {}
