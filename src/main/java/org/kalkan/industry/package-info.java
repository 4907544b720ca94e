/** Defence co-production: programmes, work packages, earned value, work share and export control of transfers. */
@NullMarked
package org.kalkan.industry;

import org.jspecify.annotations.NullMarked;
