/** The administrators' federation API and operations page. */
@org.jspecify.annotations.NullMarked
package org.kalkan.federation.web;
