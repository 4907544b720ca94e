package org.kalkan.archfixture.internal;

/** Breaks the rule "internals are package-private" on purpose, so architecture tests can show their rules fail. */
public final class PublicInternalStore {
}
