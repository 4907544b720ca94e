/** The TAXII 2.1 endpoints at {@code /taxii2/}, the intel collection's pages and the label exports. */
@NullMarked
package org.kalkan.interop.taxii.web;

import org.jspecify.annotations.NullMarked;
