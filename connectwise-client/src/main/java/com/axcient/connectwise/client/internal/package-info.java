/**
 * The client's HTTP machinery: the Retrofit service, interceptors, codebase discovery, paging and
 * error mapping. Not part of the API: anything here may change in any release.
 */
package com.axcient.connectwise.client.internal;
