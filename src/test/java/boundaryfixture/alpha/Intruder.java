package boundaryfixture.alpha;

import boundaryfixture.beta.internal.Secret;

/** Deliberately reaches into another module's internals, so the boundary test proves it can fail. */
public class Intruder {

    public String peek() {
        return new Secret().toString();
    }
}
