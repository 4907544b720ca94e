/** The Joint Defense Council: consultations, decisions by consensus or silence procedure, the decision register. */
@NullMarked
package org.kalkan.council;

import org.jspecify.annotations.NullMarked;
