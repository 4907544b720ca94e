package org.kalkan.industry;

import java.util.List;
import org.kalkan.security.Subject;

/** The supplier register: programme managers register suppliers of their own nation; readers see what is released. */
public interface Suppliers {

    Supplier register(Subject subject, NewSupplier supplier);

    List<Supplier> list(Subject subject);

    Supplier supplier(Subject subject, SupplierId id);
}
