/** What every node needs to run: its database, error answers, the web shell with its banner, and languages. */
@NullMarked
package org.kalkan.platform;

import org.jspecify.annotations.NullMarked;
