/** The simulator's machinery; not an API, and free to change in any release. */
package com.axcient.connectwise.testkit.internal;
