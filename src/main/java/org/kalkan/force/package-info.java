/** National force contributions, requirements and offers, and the optimal sourcing of requirements from offers. */
@NullMarked
package org.kalkan.force;

import org.jspecify.annotations.NullMarked;
