/** The map page, its data and the live stream's endpoint. */
@NullMarked
package org.kalkan.cop.web;

import org.jspecify.annotations.NullMarked;
