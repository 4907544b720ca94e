/** The OGC API – Features adapter: the incidents a caller may read, as GeoJSON features, for GIS clients. */
@NullMarked
package org.kalkan.interop.ogc;

import org.jspecify.annotations.NullMarked;
