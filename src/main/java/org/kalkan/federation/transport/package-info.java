/** The federation port (HTTPS, mutual TLS pinned to registered peers) and the pulling client. */
@org.jspecify.annotations.NullMarked
package org.kalkan.federation.transport;
